//! Priority categories (`feeObjectType`, reader-services.md §1) that reduce fees; claiming 01–09
//! asks the reader for an evidence file.

use super::FieldError;

/// A reader's priority category, `01`–`10`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum FeeObjectType {
    /// 01
    Student,
    /// 02
    MartyrRelative,
    /// 03
    WarInvalid,
    /// 04
    ResistanceParticipant,
    /// 05
    RevolutionHelper,
    /// 06
    MartyrWorshipKeeper,
    /// 07
    Pensioner,
    /// 08
    WorkDisability,
    /// 09
    OccupationalDisease,
    /// 10
    Other,
}

impl FeeObjectType {
    /// Every category in code order.
    pub const ALL: [FeeObjectType; 10] = [
        Self::Student,
        Self::MartyrRelative,
        Self::WarInvalid,
        Self::ResistanceParticipant,
        Self::RevolutionHelper,
        Self::MartyrWorshipKeeper,
        Self::Pensioner,
        Self::WorkDisability,
        Self::OccupationalDisease,
        Self::Other,
    ];

    /// The two-digit code, `01`–`10`.
    pub fn code(self) -> &'static str {
        self.row().0
    }

    /// The Vietnamese name shown in the interface.
    pub fn name_vi(self) -> &'static str {
        self.row().1
    }

    /// The English name.
    pub fn name_en(self) -> &'static str {
        self.row().2
    }

    /// Whether claiming the category asks for an evidence file (01–09).
    pub fn needs_evidence(self) -> bool {
        self != Self::Other
    }

    fn row(self) -> (&'static str, &'static str, &'static str) {
        match self {
            Self::Student => (
                "01",
                "Học sinh, sinh viên, người nghiên cứu",
                "Pupils, students, researchers",
            ),
            Self::MartyrRelative => ("02", "Thân nhân liệt sĩ", "Relatives of martyrs"),
            Self::WarInvalid => (
                "03",
                "Thương binh, bệnh binh",
                "War invalids and sick soldiers",
            ),
            Self::ResistanceParticipant => (
                "04",
                "Người tham gia kháng chiến",
                "Resistance participants",
            ),
            Self::RevolutionHelper => (
                "05",
                "Người có công giúp đỡ cách mạng",
                "People who helped the revolution",
            ),
            Self::MartyrWorshipKeeper => (
                "06",
                "Người thờ cúng liệt sĩ",
                "Keepers of martyrs' worship",
            ),
            Self::Pensioner => ("07", "Người hưởng lương hưu", "Pensioners"),
            Self::WorkDisability => (
                "08",
                "Người bị suy giảm khả năng lao động, bị tai nạn lao động",
                "People who lost working capacity or had labour accidents",
            ),
            Self::OccupationalDisease => (
                "09",
                "Người bị bệnh nghề nghiệp",
                "People with occupational diseases",
            ),
            Self::Other => ("10", "Đối tượng khác", "Others"),
        }
    }

    /// The category a form value names: `01`–`10` (`1`–`9` accepted too); empty means `10`.
    pub fn parse(raw: &str) -> Result<Self, FieldError> {
        let value = raw.trim();
        if value.is_empty() {
            return Ok(Self::Other);
        }
        let found = value
            .parse::<u8>()
            .ok()
            .filter(|_| value.len() <= 2 && value.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|n| Self::ALL.get(usize::from(n).checked_sub(1)?).copied());
        found.ok_or_else(|| {
            FieldError::new(
                "fee_object_type",
                "Đối tượng ưu tiên phải là một mã từ 01 đến 10 — chọn lại trong danh sách; không \
                 thuộc đối tượng nào thì chọn 10 Đối tượng khác (priority category must be 01–10; \
                 choose 10 Others when none applies)",
            )
        })
    }
}

impl std::fmt::Display for FeeObjectType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} {} ({})", self.code(), self.name_vi(), self.name_en())
    }
}
