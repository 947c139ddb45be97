//! The contract's string enums. Each has an `Unknown` variant that absorbs
//! values a newer server may send, so old clients keep working.

use serde::{Deserialize, Serialize};

/// Declares a camelCase string enum with an `Unknown` catch-all and
/// `as_str()` giving the wire value.
macro_rules! wire_enum {
    ($(#[$m:meta])* $name:ident { $($variant:ident => $wire:literal),+ $(,)? }) => {
        $(#[$m])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
        pub enum $name {
            $(#[serde(rename = $wire)] $variant,)+
            /// A value this client does not know (newer server).
            #[serde(other, rename = "unknown")]
            Unknown,
        }
        impl $name {
            /// Every known variant, in the contract's order.
            pub const ALL: &'static [$name] = &[$($name::$variant),+];
            /// The value as it appears on the wire.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $wire,)+ $name::Unknown => "unknown" }
            }
        }
    };
}

wire_enum!(
    /// A user's role (`Role`).
    Role {
        CustomerAdmin => "customerAdmin",
        WorkspaceAdmin => "workspaceAdmin",
        CustomerActivity => "customerActivity",
        LearningManager => "learningManager",
        ViewAllSupportRequests => "viewAllSupportRequests",
        SupportContact => "supportContact",
    }
);

wire_enum!(
    /// What an entitlement delivers (`Service`).
    Service {
        ReactiveSupport => "reactiveSupport",
        AdvisorySupport => "advisorySupport",
        ProactiveServices => "proactiveServices",
        ProactiveCredits => "proactiveCredits",
        DesignatedSupportEngineering => "designatedSupportEngineering",
        Workshops => "workshops",
        OnDemandEducation => "onDemandEducation",
        SupportContacts => "supportContacts",
        OnDemandAssessments => "onDemandAssessments",
        Other => "other",
    }
);

wire_enum!(
    /// The unit of an entitlement's quantities (`Unit`).
    Unit {
        Hours => "hours",
        Credits => "credits",
        Cases => "cases",
        Seats => "seats",
        Contacts => "contacts",
        Assessments => "assessments",
        Workshops => "workshops",
        Days => "days",
    }
);

wire_enum!(
    /// `Entitlement.kind`.
    EntitlementKind {
        ConsumptionService => "consumptionService",
        AdditionalBenefit => "additionalBenefit",
    }
);

wire_enum!(
    /// `Contract.type`.
    ContractType { Unified => "unified", Premier => "premier", Other => "other" }
);

wire_enum!(
    /// `Package.status`.
    PackageStatus { Active => "active", Inactive => "inactive" }
);

wire_enum!(
    /// `Severity` of a support request.
    Severity { Critical => "critical", A => "a", B => "b", C => "c" }
);

wire_enum!(
    /// Open or closed (support requests, additional cases).
    CaseStatus { Open => "open", Closed => "closed" }
);

wire_enum!(
    /// `ProactiveDelivery.deliveryType`.
    DeliveryType {
        Workshop => "workshop",
        Assessment => "assessment",
        Dse => "dse",
        Webcast => "webcast",
        Remediation => "remediation",
        Custom => "custom",
    }
);

wire_enum!(
    /// `ProactiveDelivery.status`.
    DeliveryStatus {
        Scheduled => "scheduled",
        InProgress => "inProgress",
        Delivered => "delivered",
        Cancelled => "cancelled",
    }
);

wire_enum!(
    /// `EducationActivity.activityType`.
    ActivityType {
        Course => "course",
        LearningPath => "learningPath",
        Webcast => "webcast",
        Workshop => "workshop",
        Lab => "lab",
    }
);

wire_enum!(
    /// `EducationActivity.status`.
    EducationStatus { Started => "started", InProgress => "inProgress", Completed => "completed" }
);

wire_enum!(
    /// `SupportContact.role`.
    ContactRole {
        SupportContact => "supportContact",
        PrimaryContact => "primaryContact",
        BillingContact => "billingContact",
    }
);

wire_enum!(
    /// `SupportContact.status`.
    ContactStatus { Active => "active", Invited => "invited", Inactive => "inactive" }
);

wire_enum!(
    /// `AssessmentSetup.status`.
    AssessmentStatus { Active => "active", SettingUp => "settingUp", Inactive => "inactive" }
);

wire_enum!(
    /// `AdditionalCase.service`.
    CaseService { AdvisorySupport => "advisorySupport", ReactiveSupport => "reactiveSupport" }
);

wire_enum!(
    /// `AdditionalCase.reason`.
    CaseReason {
        ExpiredContract => "expiredContract",
        UnmappedContract => "unmappedContract",
        MissingContract => "missingContract",
        MissingPackage => "missingPackage",
        MissingService => "missingService",
        Classified => "classified",
    }
);

wire_enum!(
    /// `AdditionalCase.classification`.
    Classification { Su => "SU", Dsa => "DSA", X85 => "X85", Rec => "REC" }
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_values_do_not_fail() {
        let s: Service = serde_json::from_str("\"quantumSupport\"").unwrap();
        assert_eq!(s, Service::Unknown);
        let u: Unit = serde_json::from_str("\"hours\"").unwrap();
        assert_eq!(u, Unit::Hours);
        assert_eq!(Classification::X85.as_str(), "X85");
    }

    #[test]
    fn wire_names_round_trip() {
        for s in Service::ALL {
            let json = serde_json::to_string(s).unwrap();
            assert_eq!(json, format!("\"{}\"", s.as_str()));
            assert_eq!(&serde_json::from_str::<Service>(&json).unwrap(), s);
        }
    }
}
