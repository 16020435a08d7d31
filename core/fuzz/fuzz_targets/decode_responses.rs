//! The response decoder of every operation on arbitrary 2xx bodies. Input: one byte choosing the
//! operation (`iqtech::fuzzing::DECODED`), two bytes of status, then the body.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 3 {
        return;
    }
    let status = u16::from_le_bytes([data[1], data[2]]);
    iqtech::fuzzing::decode_response(data[0], status, &data[3..]);
});
