//! The `frontline` command line: a thin layer over the library.

mod cli;

use clap::Parser;

fn main() {
    let args = cli::Cli::parse();
    match cli::run(args) {
        Ok(code) => std::process::exit(code),
        Err(e) => {
            eprintln!("frontline: error: {e:#}");
            std::process::exit(2);
        }
    }
}
