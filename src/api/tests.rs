//! Tests of `api/mod.rs`.
use super::*;
use ca_contract::MAX_ITEMS_KEPT;

#[test]
fn a_declared_length_over_the_budget_fails_at_once() {
    let cap = MAX_RESPONSE_BYTES;
    assert_eq!(declared_length(None, cap), Ok(None));
    assert_eq!(
        declared_length(Some(" 36000000 "), cap),
        Ok(Some(36_000_000))
    );
    assert_eq!(declared_length(Some(&cap.to_string()), cap), Ok(Some(cap)));
    for lie in ["4000000000", "67108865", "18446744073709551615"] {
        assert_eq!(
            declared_length(Some(lie), cap),
            Err(ApiError::TooLarge),
            "{lie}"
        );
    }
    // Not a number: no hint at all (the bytes are counted anyway).
    assert_eq!(declared_length(Some("-1"), cap), Ok(None));
    assert_eq!(
        declared_length(Some("99999999999999999999999"), cap),
        Ok(None)
    );
}

proptest::proptest! {
    /// Whatever the header says and however short the items so far,
    /// the room asked for never passes the items budget (nor
    /// overflows), and follows the declared length when it is honest.
    #[test]
    fn the_reservation_is_bounded(
        declared in proptest::option::of(proptest::prelude::any::<usize>()),
        bytes in 0usize..(1 << 24),
        items in 0usize..100_000,
    ) {
        let n = items_to_reserve(declared, bytes, items);
        proptest::prop_assert!(n <= MAX_ITEMS_KEPT);
        if declared.is_none() {
            proptest::prop_assert_eq!(n, 0);
        }
    }
}

#[test]
fn the_preview_waits_for_decoded_items() {
    assert_eq!(preview_rows(true, &[1; 5]), None);
    assert_eq!(preview_rows(false, &[1; 40]), None);
    assert_eq!(
        preview_rows(true, &[1; 40]).map(|v| v.len()),
        Some(PREVIEW_ROWS)
    );
}

#[test]
fn the_reservation_follows_an_honest_length() {
    // 100,000 records of 360 bytes: room for them all (and 3% more).
    let n = items_to_reserve(Some(36_000_000), 360 * 1000, 1000);
    assert_eq!(n, 100_000 + 100_000 / 32);
    // The lying header of the fault matrix, with items of 60 bytes.
    assert_eq!(
        items_to_reserve(Some(4_000_000_000), 60 * 5000, 5000),
        MAX_ITEMS_KEPT
    );
}
