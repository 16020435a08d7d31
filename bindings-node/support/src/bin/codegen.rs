//! `iqtech-node-codegen <native.d.ts-part> <index.mjs>`: writes the Node binding's generated
//! files from the core's tables (see `iqtech_node_support::typescript`). Run by
//! `bindings-node/scripts/build.mjs`; never part of the addon.

use std::process::ExitCode;

use iqtech_node_support::typescript;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [dts, mjs] = args.as_slice() else {
        eprintln!("usage: iqtech-node-codegen <declarations.d.ts> <index.mjs>");
        return ExitCode::from(2);
    };
    for (path, text) in [
        (dts, typescript::declarations()),
        (mjs, typescript::esm_entry()),
    ] {
        if let Err(e) = std::fs::write(path, text) {
            eprintln!("iqtech-node-codegen: cannot write {path}: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
