//! Sets the linker flags a Node addon needs (napi symbols resolved by the node process).

fn main() {
    napi_build::setup();
}
