//! The council paper's own inputs: the municipality, the committee and meeting date, the
//! survey period and whether the council decides or takes note. Each is optional with a
//! default the paper states; each is checked before anything is written.

use std::fmt;
use std::str::FromStr;

use super::ReportError;
use crate::localized::Lang;
use crate::municipality::{self, Municipality};

/// A calendar date (proleptic Gregorian), read from `YYYY-MM-DD`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    /// Year.
    pub year: i64,
    /// Month, 1–12.
    pub month: u8,
    /// Day of the month.
    pub day: u8,
}

/// A month's name in the reader's language ("marts"); `month` is 1–12.
pub fn month_name(month: u8, lang: Lang) -> &'static str {
    crate::localized::month_name(month, lang)
}

fn days_in_month(year: i64, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl Date {
    /// The date as a Danish council paper writes it: "29. november 2026".
    pub fn text(self, lang: Lang) -> String {
        match lang {
            Lang::Da => format!("{}. {} {}", self.day, month_name(self.month, lang), self.year),
            Lang::En => format!("{} {} {}", self.day, month_name(self.month, lang), self.year),
        }
    }
}

impl FromStr for Date {
    type Err = ReportError;
    fn from_str(s: &str) -> Result<Date, ReportError> {
        let bad = |why: &str| ReportError::InvalidDate { value: s.to_owned(), reason: why.to_owned() };
        let parts: Vec<&str> = s.trim().split('-').collect();
        let [y, m, d] = parts.as_slice() else { return Err(bad("not YYYY-MM-DD")) };
        if y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return Err(bad("not YYYY-MM-DD"));
        }
        let num = |t: &str| t.parse::<u16>().map_err(|_| bad("not YYYY-MM-DD"));
        let (year, month, day) = (i64::from(num(y)?), num(m)?, num(d)?);
        if !(1..=12).contains(&month) {
            return Err(bad("the month is not 1–12"));
        }
        let month = month as u8;
        if day == 0 || day > u16::from(days_in_month(year, month)) {
            return Err(bad("the month has no such day"));
        }
        Ok(Date { year, month, day: day as u8 })
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

/// When the survey was open: first and last day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SurveyPeriod {
    /// First day.
    pub from: Date,
    /// Last day.
    pub to: Date,
}

impl SurveyPeriod {
    /// "2.–20. marts 2026", "28. februar–20. marts 2026", or across years with both years.
    pub fn text(self, lang: Lang) -> String {
        let (a, b) = (self.from, self.to);
        if a == b {
            return a.text(lang);
        }
        match lang {
            Lang::Da if a.year == b.year && a.month == b.month => format!("{}.–{}", a.day, b.text(lang)),
            Lang::Da if a.year == b.year => format!("{}. {}–{}", a.day, month_name(a.month, lang), b.text(lang)),
            _ => format!("{}–{}", a.text(lang), b.text(lang)),
        }
    }
}

impl FromStr for SurveyPeriod {
    type Err = ReportError;
    /// `YYYY-MM-DD..YYYY-MM-DD`, or one day `YYYY-MM-DD`.
    fn from_str(s: &str) -> Result<SurveyPeriod, ReportError> {
        let (from, to) = s.split_once("..").unwrap_or((s, s));
        let period = SurveyPeriod { from: from.parse()?, to: to.parse()? };
        if period.to < period.from {
            return Err(ReportError::InvalidDate {
                value: s.to_owned(),
                reason: "the survey period ends before it begins".to_owned(),
            });
        }
        Ok(period)
    }
}

/// Whether the council decides (til beslutning) or only takes note (til orientering).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Til beslutning: the indstilling asks for decisions.
    Decision,
    /// Til orientering: the indstilling asks the council to take note.
    Information,
}

impl Status {
    /// "Til beslutning" / "Til orientering".
    pub fn text(self, lang: Lang) -> &'static str {
        match self {
            Status::Decision => lang.pick("Til beslutning", "For decision"),
            Status::Information => lang.pick("Til orientering", "For information"),
        }
    }
}

impl FromStr for Status {
    type Err = ReportError;
    /// `beslutning` or `orientering` (the English `decision` and `information` too).
    fn from_str(s: &str) -> Result<Status, ReportError> {
        match s.trim().to_lowercase().as_str() {
            "beslutning" | "decision" => Ok(Status::Decision),
            "orientering" | "information" => Ok(Status::Information),
            _ => Err(ReportError::UnknownStatus { value: s.to_owned() }),
        }
    }
}

/// "Fjordby Kommune (fiktiv)" → "fjordby"; "Københavns Kommune" → "københavns".
fn plain_name(name: &str) -> String {
    let lower = name.trim().to_lowercase().replace("(fiktiv)", "");
    lower.trim().trim_end_matches(" kommune").trim().to_owned()
}

/// One of the 98 municipalities (or a fictional one of the sample data) by code or name;
/// an unknown one is an error with the nearest name.
pub fn find_municipality(spec: &str) -> Result<&'static Municipality, ReportError> {
    let all = || municipality::all().iter().chain(municipality::fictional());
    let key = plain_name(spec);
    let code = if spec.trim().len() < 3 && spec.trim().bytes().all(|b| b.is_ascii_digit()) {
        format!("{:0>3}", spec.trim())
    } else {
        spec.trim().to_owned()
    };
    if let Some(m) = all().find(|m| m.code == code || plain_name(&m.name) == key) {
        return Ok(m);
    }
    let names: Vec<&str> = all().map(|m| m.name.as_str()).collect();
    // A name cut short ("Ringkøbing") is suggested whole; else the nearest by spelling.
    let prefix = (key.chars().count() >= 3).then(|| all().find(|m| plain_name(&m.name).starts_with(&key))).flatten();
    Err(ReportError::UnknownMunicipality {
        value: spec.to_owned(),
        suggestion: prefix
            .map(|m| m.name.as_str())
            .or_else(|| crate::json::nearest(spec.trim(), &names))
            .map(str::to_owned),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_strictly_and_written_the_danish_way() {
        let d: Date = "2026-11-29".parse().unwrap();
        assert_eq!(d.text(Lang::Da), "29. november 2026");
        assert!("2026-02-29".parse::<Date>().is_err(), "2026 is no leap year");
        assert!("2028-02-29".parse::<Date>().is_ok());
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("29-11-2026".parse::<Date>().is_err());
        let p: SurveyPeriod = "2026-03-02..2026-03-20".parse().unwrap();
        assert_eq!(p.text(Lang::Da), "2.–20. marts 2026");
        let p: SurveyPeriod = "2026-02-23..2026-03-20".parse().unwrap();
        assert_eq!(p.text(Lang::Da), "23. februar–20. marts 2026");
        assert!("2026-03-20..2026-03-02".parse::<SurveyPeriod>().is_err());
    }

    #[test]
    fn status_and_municipality_by_code_or_name() {
        assert_eq!("Beslutning".parse::<Status>().unwrap(), Status::Decision);
        assert_eq!("orientering".parse::<Status>().unwrap(), Status::Information);
        let e = "godkendelse".parse::<Status>().unwrap_err();
        assert!(e.to_string().contains("`godkendelse`"), "{e}");
        assert_eq!(find_municipality("760").unwrap().name, "Ringkøbing-Skjern");
        assert_eq!(find_municipality("Ringkøbing-Skjern Kommune").unwrap().code, "760");
        assert_eq!(find_municipality("aarhus").unwrap().code, "751");
        let e = find_municipality("Ringkøbing").unwrap_err();
        assert!(e.to_string().contains("`Ringkøbing`"), "{e}");
        assert!(find_municipality("999").is_err());
    }
}
