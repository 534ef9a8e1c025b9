use super::*;

#[test]
fn percent_shares_are_proportional_whole_percents_adding_to_100() {
    assert_eq!(percent_shares(&[2, 1]), vec![67, 33]);
    assert_eq!(percent_shares(&[1, 1, 1]), vec![34, 33, 33]);
    assert_eq!(percent_shares(&[2, 2, 1, 1, 1]), vec![29, 29, 14, 14, 14]);
    assert_eq!(percent_shares(&[]), Vec::<u32>::new());
}
