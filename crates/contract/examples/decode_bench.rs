//! Prints how long decoding a large activity document takes, whole and
//! streamed in 64 KiB chunks (a benchmark, not a test).
//!   cargo run --release -p ca-contract --example decode_bench -- FILE.json
//! FILE: e.g. `curl -H 'x-demo-persona: customer-admin'
//!   http://127.0.0.1:8081/api/v1/entitlements/bench-100k/activity` from
//! `demo-server --bench`.
use ca_contract::{decode, EntitlementActivity, StreamDecoder};
use std::time::Instant;

fn main() {
    let path = std::env::args()
        .nth(1)
        .expect("usage: decode_bench FILE.json");
    let body = std::fs::read(&path).expect("readable file");
    let mb = body.len() as f64 / 1e6;
    for _ in 0..3 {
        let t = Instant::now();
        let d = decode::<EntitlementActivity>(std::str::from_utf8(&body).unwrap()).unwrap();
        let whole = t.elapsed();
        let t = Instant::now();
        let mut s = StreamDecoder::<EntitlementActivity>::new();
        for c in body.chunks(64 * 1024) {
            s.push(c);
        }
        let d2 = s.finish().unwrap();
        let streamed = t.elapsed();
        assert_eq!(d.value.records.len(), d2.value.records.len());
        println!(
            "{:.1} MB, {} records: whole {:?} ({:.0} MB/s), streamed {:?} ({:.0} MB/s)",
            mb,
            d2.value.records.len(),
            whole,
            mb / whole.as_secs_f64(),
            streamed,
            mb / streamed.as_secs_f64()
        );
    }
}
