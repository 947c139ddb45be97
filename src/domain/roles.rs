//! What each role may see and do (ui.md: Access, Roles, Exports). The pages
//! ask these; nothing else reads `Me::roles`.

use ca_contract::{Me, Role, Service};

/// Who may open Customer Activity: a customer or workspace administrator,
/// or a holder of the Customer Activity role.
pub fn has_access(me: &Me) -> bool {
    me.has(Role::CustomerAdmin) || me.has(Role::WorkspaceAdmin) || me.has(Role::CustomerActivity)
}

/// Administrators (and holders of View all support requests) see every
/// support request; anyone else sees only those they can open, with a note
/// that says so.
pub fn sees_all_requests(me: &Me) -> bool {
    me.has(Role::CustomerAdmin)
        || me.has(Role::WorkspaceAdmin)
        || me.has(Role::ViewAllSupportRequests)
}

/// Who may export the training report of an entitlement: a learning
/// manager, and only for On-demand Education. (The CSV and Excel exports of
/// a table are anyone's: they hold what the user already sees.)
pub fn may_export_training_report(me: &Me, service: Service) -> bool {
    me.has(Role::LearningManager) && service == Service::OnDemandEducation
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::fixtures::me;

    fn with(roles: &[Role]) -> Me {
        Me {
            roles: roles.to_vec(),
            ..me(&["w1"], "w1")
        }
    }

    #[test]
    fn access_needs_an_admin_or_the_customer_activity_role() {
        for r in [
            Role::CustomerAdmin,
            Role::WorkspaceAdmin,
            Role::CustomerActivity,
        ] {
            assert!(has_access(&with(&[r])), "{r:?}");
        }
        for r in [
            Role::LearningManager,
            Role::ViewAllSupportRequests,
            Role::SupportContact,
            Role::Unknown,
        ] {
            assert!(!has_access(&with(&[r])), "{r:?}");
        }
        assert!(!has_access(&with(&[])));
    }

    #[test]
    fn every_request_is_seen_by_admins_and_view_all_only() {
        for r in [
            Role::CustomerAdmin,
            Role::WorkspaceAdmin,
            Role::ViewAllSupportRequests,
        ] {
            assert!(
                sees_all_requests(&with(&[Role::CustomerActivity, r])),
                "{r:?}"
            );
        }
        assert!(!sees_all_requests(&with(&[Role::CustomerActivity])));
        assert!(!sees_all_requests(&with(&[
            Role::CustomerActivity,
            Role::LearningManager
        ])));
    }

    #[test]
    fn the_training_report_is_a_learning_managers_for_education_only() {
        let lm = with(&[Role::CustomerActivity, Role::LearningManager]);
        assert!(may_export_training_report(&lm, Service::OnDemandEducation));
        assert!(!may_export_training_report(&lm, Service::Workshops));
        let admin = with(&[Role::CustomerAdmin]);
        assert!(!may_export_training_report(
            &admin,
            Service::OnDemandEducation
        ));
    }
}
