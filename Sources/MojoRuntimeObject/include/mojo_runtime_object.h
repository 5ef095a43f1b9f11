// The runtime object every program mojoc builds is linked with (runtime.o, compiled by
// Scripts/build-runtime from Sources/MojoRuntime/C), embedded in mojoc as a C array.
#ifndef MOJO_RUNTIME_OBJECT_H
#define MOJO_RUNTIME_OBJECT_H

/// The first byte of runtime.o.
const unsigned char *mojo_runtime_object_bytes(void);

/// The size of runtime.o in bytes.
unsigned long mojo_runtime_object_count(void);

#endif
