//! The error-shape reader (envelope, exception, ProblemDetails, anything else) on arbitrary
//! error answers. Input: two bytes of status, then the body.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.len() < 2 {
        return;
    }
    let status = u16::from_le_bytes([data[0], data[1]]);
    iqtech::fuzzing::error_shape(status, &data[2..]);
});
