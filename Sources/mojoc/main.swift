//! The `mojoc` executable: the command line (`MojocCommandLine`) without the REAPI client, which
//! only `mojoc-remote` links (`mojoc build --remote` runs it).
import MojocCommandLine

MojocMain.run()
