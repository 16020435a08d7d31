//! The input validators on caller records built from arbitrary JSON, the date-format setting
//! and path filling. Input: one byte choosing the record (`iqtech::fuzzing::RECORDS`), then the
//! JSON (or text).
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if data.is_empty() {
        return;
    }
    iqtech::fuzzing::validate_input(data[0], &data[1..]);
});
