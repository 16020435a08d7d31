//! Prints the public surface as JSON ([`iqtech::surface::surface`]): what the code generators
//! (Python stubs, TypeScript declarations, Kotlin flows) and `tests/check_api_coverage.py`
//! read, instead of parsing Rust source: `cargo run -q -p iqtech --example surface`.

fn main() {
    println!(
        "{}",
        serde_json::to_string_pretty(&iqtech::surface::surface()).expect("JSON of static tables")
    );
}
