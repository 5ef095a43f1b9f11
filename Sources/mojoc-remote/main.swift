//! `mojoc-remote`: mojoc's command line with the REAPI client (`mojoc build --remote` runs it).
//! Built with the package's Remote trait (`swift build --traits Remote --scratch-path
//! .build/remote`); without it, this stub says so.
#if Remote
import MojoRemote
import MojocCommandLine

MojocMain.run(remoteService: REAPIService())
#else
import Glibc

let message = "mojoc-remote: error: built without the REAPI client: build it with "
  + "`swift build -c release --traits Remote --scratch-path .build/remote`\n"
_ = write(2, message, message.utf8.count)
exit(2)
#endif
