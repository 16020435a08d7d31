//! The uniffi-bindgen CLI at this crate's uniffi version (feature `cli`).
//!
//! `cargo run -p iqtech-ffi --features cli --bin uniffi-bindgen -- generate --library
//! target/debug/libiqtech_ffi.so --language kotlin --out-dir OUT`. Point it at an unstripped
//! library: uniffi reads the interface from metadata symbols that stripping removes.

fn main() {
    uniffi::uniffi_bindgen_main()
}
