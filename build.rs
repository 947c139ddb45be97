//! `cfg(ca_split)`: a release build for the browser with the `split`
//! feature (index.html asks for it) is cut into parts at the split points of
//! `src/pages/part.rs` by scripts/build-wasm.sh. Its module keeps its
//! relocations for that (a link argument of this crate only: no dependency
//! is rebuilt). A debug build, the tests and the gallery are one module.

fn main() {
    println!("cargo::rustc-check-cfg=cfg(ca_split)");
    println!("cargo::rerun-if-changed=build.rs");
    let split = std::env::var_os("CARGO_FEATURE_SPLIT").is_some()
        && std::env::var("PROFILE").as_deref() == Ok("release")
        && std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32");
    if split {
        println!("cargo::rustc-cfg=ca_split");
        println!("cargo::rustc-link-arg-cdylib=--emit-relocs");
    }
}
