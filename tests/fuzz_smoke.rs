//! A short run of the fuzz harness's targets (fuzz/, docs/fuzzing.md) on
//! every `cargo test`: the seeds and a few hundred mutants each, so a
//! target that no longer builds or a panic on a seed shows up in CI. The
//! long run is `cargo run --release --manifest-path fuzz/Cargo.toml`.

#[path = "../fuzz/src/mutate.rs"]
#[allow(dead_code)]
mod mutate;
#[path = "../fuzz/src/targets.rs"]
mod targets;

use std::panic::{AssertUnwindSafe, catch_unwind};

#[test]
fn every_fuzz_target_survives_a_short_run() {
    let repo = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    for target in targets::TARGETS {
        // Debug builds are slow; the expensive targets get fewer runs.
        let execs = match target.name {
            "check" => 40,
            "pack" | "recognize" | "frontmatter" => 300,
            _ => 2000,
        };
        let seeds = targets::seeds(target, repo);
        assert!(!seeds.is_empty(), "{}: no seeds", target.name);
        let mut rng = mutate::Rng::new(7);
        for n in 0..seeds.len() + execs {
            let input = match seeds.get(n) {
                Some(s) => s.clone(),
                None => {
                    let base = &seeds[rng.below(seeds.len())];
                    mutate::mutate(&mut rng, base, &seeds, 8 * 1024)
                }
            };
            let ran = catch_unwind(AssertUnwindSafe(|| (target.run)(&input)));
            assert!(
                ran.is_ok(),
                "{} panicked on {:?}",
                target.name,
                String::from_utf8_lossy(&input)
            );
        }
    }
    targets::clean_up();
}
