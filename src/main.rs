//! The `recall` binary: parse arguments, build the config, run the command, exit with its code.

use clap::{CommandFactory, Parser};
use recall::cli::{Cli, Command};
use recall::config::{Config, Env};
use recall::error::ExitCode;

fn main() {
    let cli = Cli::parse();
    match &cli.command {
        Some(Command::Completions(a)) => {
            clap_complete::generate(
                a.shell,
                &mut Cli::command(),
                "recall",
                &mut std::io::stdout(),
            );
            return;
        }
        Some(Command::Man) => {
            let man = clap_mangen::Man::new(Cli::command());
            if let Err(e) = man.render(&mut std::io::stdout()) {
                eprintln!("error: cannot write the man page: {e}");
                std::process::exit(ExitCode::Failure.code());
            }
            return;
        }
        _ => {}
    }
    let code = Config::new(&cli.global, &Env::from_process())
        .and_then(|config| recall::run::run(cli.command, &config))
        .unwrap_or_else(|e| {
            if e.is_broken_pipe() {
                return ExitCode::Success;
            }
            // Messages quote files (ids, column names, notes): never raw to a terminal.
            recall::eprintln_inert!("error: {e}");
            e.exit_code()
        });
    std::process::exit(code.code());
}
