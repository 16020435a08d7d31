//! Passes the linked mimalloc's include directory to the CLI's tests, which check the option
//! number `main.rs` sets against that header's `mi_option_e` enum.

fn main() {
    println!("cargo:rerun-if-env-changed=DEP_MIMALLOC_INCLUDE_DIR");
    // Set by libmimalloc-sys (`links = "mimalloc"`), a direct dependency.
    let dir = std::env::var("DEP_MIMALLOC_INCLUDE_DIR").unwrap_or_default();
    println!("cargo:rustc-env=IQTECH_MIMALLOC_INCLUDE_DIR={dir}");
}
