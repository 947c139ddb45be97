//! Education activities, support contacts and assessment set-ups: the
//! records behind the other enterprise tiles.

use super::people::LEARNERS;
use super::rng::Lcg;
use super::{Ctx, Rec};
use ca_contract::{
    ActivityRecord, ActivityType, AssessmentSetup, AssessmentStatus, ContactRole, ContactStatus,
    EducationActivity, EducationStatus, SupportContact,
};
use std::sync::Arc;

fn titles(t: ActivityType) -> &'static [&'static str] {
    match t {
        ActivityType::Course => &[
            "AZ-104: Microsoft Azure Administrator",
            "SC-300: Identity and Access Administrator",
            "Corso: Fondamenti di Microsoft 365",
            "MS-102: Microsoft 365 Administrator",
        ],
        ActivityType::LearningPath => &[
            "Learning path: Secure your cloud apps",
            "Learning path: Get started with Microsoft 365 Copilot",
        ],
        ActivityType::Webcast => &[
            "Webcast: Windows 11 deployment at scale",
            "Webcast: Novità di Microsoft Intune",
        ],
        ActivityType::Workshop => &[
            "Virtual workshop: Power BI for analysts",
            "Virtual workshop: Azure landing zones",
        ],
        _ => &[
            "Lab: Deploy AKS with GitOps",
            "Lab: Hunting with Microsoft Sentinel",
        ],
    }
}

pub fn education(c: &Ctx, qty: &[f64], rng: &mut Lcg) -> Vec<Rec> {
    let n = qty.len();
    let offset = rng.range(0, LEARNERS.len() as i64) as usize;
    (0..n)
        .map(|i| {
            let day = c.day(i, n, rng);
            let (name, email) = LEARNERS[(i + offset) % LEARNERS.len()];
            let kind = ActivityType::ALL[i % ActivityType::ALL.len()];
            let status = EducationStatus::ALL[(i / 2) % EducationStatus::ALL.len()];
            let done = day.plus(rng.range(1, 30)).min(c.today.plus(-1)).max(day);
            let r = EducationActivity {
                id: format!("ed-{}-{:03}", c.ent_id, i + 1),
                learner_name: name.to_string(),
                learner_email: (i % 9 != 8).then(|| email.to_string()),
                activity_title: Arc::from(*rng.pick(titles(kind))),
                activity_type: (i % 17 != 16).then_some(kind),
                started_at: day.at(rng.range(8, 17) as u32, rng.range(0, 59) as u32),
                status,
                completed_at: (status == EducationStatus::Completed)
                    .then(|| done.at(rng.range(8, 19) as u32, rng.range(0, 59) as u32)),
                hours: (i % 8 != 7).then(|| rng.range(2, 40) as f64 / 2.0),
                quantity: qty[i],
            };
            Rec {
                record: ActivityRecord::EducationActivity(r),
                access: None,
            }
        })
        .collect()
}

pub fn contacts(c: &Ctx, qty: &[f64], rng: &mut Lcg) -> Vec<Rec> {
    let n = qty.len();
    let offset = rng.range(0, LEARNERS.len() as i64) as usize;
    (0..n)
        .map(|i| {
            let day = c.day(i, n, rng);
            let (name, email) = LEARNERS[(i + offset) % LEARNERS.len()];
            let role = match i {
                0 => ContactRole::PrimaryContact,
                1 => ContactRole::BillingContact,
                _ => ContactRole::SupportContact,
            };
            let status = if c.upcoming || i % 5 == 3 {
                ContactStatus::Invited
            } else if qty[i] == 0.0 {
                ContactStatus::Inactive
            } else {
                ContactStatus::Active
            };
            let r = SupportContact {
                id: format!("sc-{}-{:03}", c.ent_id, i + 1),
                name: name.to_string(),
                email: Some(email.to_string()),
                role: (i % 7 != 6).then_some(role),
                status,
                added_at: Some(day.to_string()),
                quantity: qty[i],
            };
            Rec {
                record: ActivityRecord::SupportContact(r),
                access: None,
            }
        })
        .collect()
}

const ASSESSMENTS: &[(&str, &str)] = &[
    ("Active Directory Security Assessment", "Active Directory"),
    ("SQL Server Assessment", "SQL Server"),
    ("Exchange Online Assessment", "Exchange Online"),
    ("Azure Security Assessment", "Microsoft Azure"),
    ("Windows Server Assessment", "Windows Server"),
    ("SharePoint Online Assessment", "SharePoint Online"),
    (
        "Microsoft Defender for Endpoint Assessment",
        "Microsoft Defender",
    ),
];

pub fn assessments(c: &Ctx, qty: &[f64], rng: &mut Lcg) -> Vec<Rec> {
    let n = qty.len();
    let law = match c.workspaces.first() {
        Some(ws) => format!("law-{}-prod-weu", ws.trim_start_matches("ws-")),
        None => "law-shared-prod-weu".to_string(),
    };
    (0..n)
        .map(|i| {
            let day = c.day(i, n, rng);
            let (name, tech) = ASSESSMENTS[(i + rng.range(0, 2) as usize) % ASSESSMENTS.len()];
            let status = match i % 4 {
                _ if qty[i] == 0.0 => AssessmentStatus::Inactive,
                1 => AssessmentStatus::SettingUp,
                3 => AssessmentStatus::Inactive,
                _ => AssessmentStatus::Active,
            };
            let collected = c.today.plus(-rng.range(1, 14)).max(day);
            let r = AssessmentSetup {
                id: format!("as-{}-{:03}", c.ent_id, i + 1),
                assessment_name: name.to_string(),
                technology: Some(tech.into()),
                status,
                setup_date: Some(day.to_string()),
                last_collected_at: (status != AssessmentStatus::SettingUp)
                    .then(|| collected.at(rng.range(0, 6) as u32, rng.range(0, 59) as u32)),
                log_analytics_workspace: (i % 6 != 5).then(|| law.as_str().into()),
                quantity: qty[i],
            };
            Rec {
                record: ActivityRecord::AssessmentSetup(r),
                access: None,
            }
        })
        .collect()
}
