//! The Additional cases view: cases of the selected workspaces, by service.

use super::view::WorkspaceSel;
use ca_contract::{AdditionalCase, CaseService, Me};

/// The cases of the Workspace selection: those whose workspace is
/// selected, and under All workspaces also those of no workspace (a missing
/// or unmapped contract: the very cases this view explains).
pub fn cases_in_view<'a>(
    cases: &'a [AdditionalCase],
    sel: &WorkspaceSel,
    me: &Me,
) -> Vec<&'a AdditionalCase> {
    cases
        .iter()
        .filter(|c| match c.workspace_id.as_deref() {
            Some(w) => sel.includes(w, me),
            None => *sel == WorkspaceSel::All,
        })
        .collect()
}

/// The cases of no workspace (counted in a note when one workspace is
/// selected).
pub fn cases_without_workspace(cases: &[AdditionalCase]) -> usize {
    cases.iter().filter(|c| c.workspace_id.is_none()).count()
}

/// How many of `cases` drew on `service`.
pub fn count(cases: &[&AdditionalCase], service: CaseService) -> usize {
    cases.iter().filter(|c| c.service == service).count()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::*;
    use ca_contract::CaseReason;

    fn case(n: &str, service: CaseService, ws: Option<&str>) -> AdditionalCase {
        AdditionalCase {
            case_number: n.into(),
            title: "t".into(),
            service,
            reason: CaseReason::ExpiredContract,
            classification: None,
            contract_number: None,
            workspace_id: ws.map(Into::into),
            created_at: "2026-01-01T00:00:00Z".into(),
            status: None,
            url: None,
            hours: None,
        }
    }

    #[test]
    fn counts_follow_the_workspace_selection() {
        let me = me(&["w1", "w2"], "w1");
        let cs = vec![
            case("1", CaseService::AdvisorySupport, Some("w1")),
            case("2", CaseService::ReactiveSupport, Some("w2")),
            case("3", CaseService::ReactiveSupport, Some("w1")),
            case("4", CaseService::ReactiveSupport, None),
            case("5", CaseService::AdvisorySupport, Some("elsewhere")),
        ];
        let one = cases_in_view(&cs, &WorkspaceSel::One("w1".into()), &me);
        assert_eq!(
            (
                count(&one, CaseService::AdvisorySupport),
                count(&one, CaseService::ReactiveSupport)
            ),
            (1, 1)
        );
        let all = cases_in_view(&cs, &WorkspaceSel::All, &me);
        assert_eq!(
            (
                count(&all, CaseService::AdvisorySupport),
                count(&all, CaseService::ReactiveSupport)
            ),
            (1, 3),
            "under All workspaces the case of no workspace counts too"
        );
        assert_eq!(cases_without_workspace(&cs), 1);
    }
}
