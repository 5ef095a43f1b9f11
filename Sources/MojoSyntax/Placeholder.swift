// Placeholder until this target has sources.
