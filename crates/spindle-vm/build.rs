//! Embeds the pure-Python library (`lib/` at the repository root) into the runtime: generates
//! `$OUT_DIR/embedded_lib.rs` with one `(module name, source, is_package)` entry per file.

use std::path::{Path, PathBuf};

fn walk(dir: &Path, prefix: &str, out: &mut Vec<(String, PathBuf, bool)>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = rd.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    entries.sort();
    for p in entries {
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string();
        if p.is_dir() {
            if name.starts_with('.') || name == "__pycache__" {
                continue;
            }
            let init = p.join("__init__.py");
            let pkg = format!("{prefix}{name}");
            if init.is_file() {
                out.push((pkg.clone(), init, true));
            }
            walk(&p, &format!("{pkg}."), out);
        } else if let Some(stem) = name.strip_suffix(".py") {
            if stem != "__init__" && !stem.starts_with("test_") {
                out.push((format!("{prefix}{stem}"), p.clone(), false));
            }
        }
    }
}

fn main() {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("manifest dir"));
    let lib = manifest.join("../../lib");
    println!("cargo:rerun-if-changed={}", lib.display());
    let mut mods = Vec::new();
    walk(&lib, "", &mut mods);
    let mut src = String::from("pub static LIB: &[(&str, &str, bool)] = &[\n");
    for (name, path, is_pkg) in &mods {
        println!("cargo:rerun-if-changed={}", path.display());
        let abs = path.canonicalize().unwrap_or(path.clone());
        src.push_str(&format!("    ({name:?}, include_str!({:?}), {is_pkg}),\n", abs.display().to_string()));
    }
    src.push_str("];\n");
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("out dir")).join("embedded_lib.rs");
    std::fs::write(out, src).expect("write embedded_lib.rs");
}
