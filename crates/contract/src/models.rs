//! The contract's schemas. Field names follow the wire (camelCase) through
//! `rename_all`; optional fields default so that a server may omit them.

use crate::decode::Lenient;
use crate::enums::*;
use crate::intern::{self, Shared};
use serde::{Deserialize, Serialize};

/// RFC 9457 problem details, the body of every non-2xx answer.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Problem {
    #[serde(rename = "type", skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    pub title: Option<String>,
    pub status: Option<u16>,
    pub detail: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Workspace {
    pub id: String,
    pub name: String,
}

/// `GET /me`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Me {
    pub id: String,
    pub display_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Unknown roles decode as [`Role::Unknown`] and grant nothing.
    pub roles: Vec<Role>,
    pub workspaces: Vec<Workspace>,
    pub current_workspace_id: String,
}

impl Me {
    pub fn has(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Contract {
    pub id: String,
    pub number: String,
    pub name: String,
    #[serde(rename = "type", default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<ContractType>,
    pub start_date: String,
    /// Inclusive.
    pub end_date: String,
    pub workspace_ids: Vec<String>,
}

/// A further action the customer can take; `url` is untrusted.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub label: String,
    pub url: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Entitlement {
    pub id: String,
    pub contract_id: String,
    /// `None`: enterprise-level; else the add-on package it belongs to.
    #[serde(default)]
    pub package_id: Option<String>,
    pub service: Service,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    pub kind: EntitlementKind,
    pub unit: Unit,
    /// `None`: as needed (no cap). Required, but may be null.
    pub purchased: Option<f64>,
    pub consumed: f64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_hours: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub action: Option<Action>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Package {
    pub id: String,
    pub contract_id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    pub status: PackageStatus,
    pub start_date: String,
    /// The day the package expires (inclusive).
    pub end_date: String,
}

/// `GET /customer-activity`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct CustomerActivity {
    pub generated_at: String,
    pub workspaces: Lenient<Workspace>,
    pub contracts: Lenient<Contract>,
    pub entitlements: Lenient<Entitlement>,
    pub packages: Lenient<Package>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportRequest {
    pub id: String,
    pub case_number: String,
    pub title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
    pub status: CaseStatus,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closed_at: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub primary_contact: Option<Shared>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub product: Option<Shared>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub workspace_id: Option<Shared>,
    /// Link to this item in Services Hub (http(s) only is ever linked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub quantity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ProactiveDelivery {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub engagement_id: Option<String>,
    #[serde(deserialize_with = "intern::string")]
    pub service_name: Shared,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivery_type: Option<DeliveryType>,
    pub status: DeliveryStatus,
    pub start_date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub delivered_hours: Option<f64>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub resource: Option<Shared>,
    /// Link to this item in Services Hub (http(s) only is ever linked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub quantity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EducationActivity {
    pub id: String,
    pub learner_name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub learner_email: Option<String>,
    #[serde(deserialize_with = "intern::string")]
    pub activity_title: Shared,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity_type: Option<ActivityType>,
    pub started_at: String,
    pub status: EducationStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_at: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    pub quantity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct SupportContact {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<ContactRole>,
    pub status: ContactStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub added_at: Option<String>,
    pub quantity: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentSetup {
    pub id: String,
    pub assessment_name: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub technology: Option<Shared>,
    pub status: AssessmentStatus,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub setup_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_collected_at: Option<String>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "intern::optional"
    )]
    pub log_analytics_workspace: Option<Shared>,
    pub quantity: f64,
}

/// One row of a drilldown (`ActivityRecord`, discriminated by `type`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum ActivityRecord {
    SupportRequest(SupportRequest),
    ProactiveDelivery(ProactiveDelivery),
    EducationActivity(EducationActivity),
    SupportContact(SupportContact),
    AssessmentSetup(AssessmentSetup),
}

impl ActivityRecord {
    pub fn id(&self) -> &str {
        match self {
            ActivityRecord::SupportRequest(r) => &r.id,
            ActivityRecord::ProactiveDelivery(r) => &r.id,
            ActivityRecord::EducationActivity(r) => &r.id,
            ActivityRecord::SupportContact(r) => &r.id,
            ActivityRecord::AssessmentSetup(r) => &r.id,
        }
    }

    pub fn quantity(&self) -> f64 {
        match self {
            ActivityRecord::SupportRequest(r) => r.quantity,
            ActivityRecord::ProactiveDelivery(r) => r.quantity,
            ActivityRecord::EducationActivity(r) => r.quantity,
            ActivityRecord::SupportContact(r) => r.quantity,
            ActivityRecord::AssessmentSetup(r) => r.quantity,
        }
    }

    /// The wire name of the record's type.
    pub fn type_name(&self) -> &'static str {
        match self {
            ActivityRecord::SupportRequest(_) => "supportRequest",
            ActivityRecord::ProactiveDelivery(_) => "proactiveDelivery",
            ActivityRecord::EducationActivity(_) => "educationActivity",
            ActivityRecord::SupportContact(_) => "supportContact",
            ActivityRecord::AssessmentSetup(_) => "assessmentSetup",
        }
    }
}

impl crate::decode::Item for ActivityRecord {
    /// Reads `type` first (a glance at the text when it is the first key,
    /// as servers send it; a light pass otherwise), then decodes the
    /// record's own struct straight from the text: one pass, where serde's
    /// internally tagged enums buffer every field first.
    fn decode_item(text: &str) -> Result<Self, serde_json::Error> {
        use serde::de::Error;
        let tag: std::borrow::Cow<'_, str> = match leading_type(text) {
            Some(t) => t.into(),
            None => {
                #[derive(Deserialize)]
                struct Tag<'a> {
                    #[serde(rename = "type", borrow, default)]
                    t: Option<std::borrow::Cow<'a, str>>,
                }
                serde_json::from_str::<Tag>(text)?
                    .t
                    .ok_or_else(|| serde_json::Error::missing_field("type"))?
            }
        };
        Ok(match &*tag {
            "supportRequest" => ActivityRecord::SupportRequest(serde_json::from_str(text)?),
            "proactiveDelivery" => ActivityRecord::ProactiveDelivery(serde_json::from_str(text)?),
            "educationActivity" => ActivityRecord::EducationActivity(serde_json::from_str(text)?),
            "supportContact" => ActivityRecord::SupportContact(serde_json::from_str(text)?),
            "assessmentSetup" => ActivityRecord::AssessmentSetup(serde_json::from_str(text)?),
            other => {
                return Err(serde_json::Error::unknown_variant(
                    other,
                    &[
                        "supportRequest",
                        "proactiveDelivery",
                        "educationActivity",
                        "supportContact",
                        "assessmentSetup",
                    ],
                ))
            }
        })
    }
}

/// The value of `type` when it is the object's first key and a plain
/// string (`{"type":"supportRequest", ...`); `None` in any other case.
fn leading_type(text: &str) -> Option<&str> {
    let rest = text.trim_start().strip_prefix('{')?.trim_start();
    let rest = rest.strip_prefix("\"type\"")?.trim_start();
    let rest = rest.strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    let end = rest.find(['"', '\\'])?;
    (rest.as_bytes()[end] == b'"').then(|| &rest[..end])
}

/// The record types of a drilldown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum RecordKind {
    SupportRequest,
    ProactiveDelivery,
    EducationActivity,
    SupportContact,
    AssessmentSetup,
}

impl RecordKind {
    pub const ALL: [RecordKind; 5] = [
        RecordKind::SupportRequest,
        RecordKind::ProactiveDelivery,
        RecordKind::EducationActivity,
        RecordKind::SupportContact,
        RecordKind::AssessmentSetup,
    ];

    /// A record's type.
    pub fn of(r: &ActivityRecord) -> RecordKind {
        match r {
            ActivityRecord::SupportRequest(_) => RecordKind::SupportRequest,
            ActivityRecord::ProactiveDelivery(_) => RecordKind::ProactiveDelivery,
            ActivityRecord::EducationActivity(_) => RecordKind::EducationActivity,
            ActivityRecord::SupportContact(_) => RecordKind::SupportContact,
            ActivityRecord::AssessmentSetup(_) => RecordKind::AssessmentSetup,
        }
    }

    /// The record type a service's consumption is tracked by.
    pub fn for_service(s: Service) -> RecordKind {
        match s {
            Service::ReactiveSupport | Service::AdvisorySupport => RecordKind::SupportRequest,
            Service::OnDemandEducation => RecordKind::EducationActivity,
            Service::SupportContacts => RecordKind::SupportContact,
            Service::OnDemandAssessments => RecordKind::AssessmentSetup,
            _ => RecordKind::ProactiveDelivery,
        }
    }
}

/// `GET /entitlements/{id}/activity`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EntitlementActivity {
    pub entitlement_id: String,
    pub records: Lenient<ActivityRecord>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalCase {
    pub case_number: String,
    pub title: String,
    pub service: CaseService,
    pub reason: CaseReason,
    #[serde(default)]
    pub classification: Option<Classification>,
    #[serde(default, deserialize_with = "intern::optional")]
    pub contract_number: Option<Shared>,
    #[serde(default, deserialize_with = "intern::optional")]
    pub workspace_id: Option<Shared>,
    pub created_at: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<CaseStatus>,
    #[serde(default)]
    pub hours: Option<f64>,
    /// Link to this item in Services Hub (http(s) only is ever linked).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

/// `GET /additional-cases`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct AdditionalCases {
    pub cases: Lenient<AdditionalCase>,
}
