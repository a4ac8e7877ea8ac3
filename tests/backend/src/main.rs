use std::process::ExitCode;
use std::time::Duration;

use clap::Parser;
use local_backend::cli::Cli;

fn main() -> ExitCode {
    let cli = Cli::parse();
    let rt = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(rt) => rt,
        Err(e) => {
            eprintln!("local-backend: cannot start the runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    let code = rt.block_on(local_backend::server::run(cli));
    // Do not wait for idle blocking threads (or a stuck image job) on the way out.
    rt.shutdown_timeout(Duration::from_millis(200));
    code
}
