//! The review database (SQLite): uploaded titles, reviews and hand-added findings.
//!
//! Reviews are keyed by `histlint_report::review_key` (title name, rule, normalised
//! line text, claim), not by season or line number, so uploading an edited script
//! under the same name finds the reviews of its unchanged lines again. Every review
//! has a version; a write names the version it read and fails with
//! [`SaveError::Conflict`] when someone else wrote in between.

use std::path::Path;
use std::sync::Mutex;

use histlint_report::{Review, ReviewStatus};
use rusqlite::{Connection, OptionalExtension, params};

/// A database error.
#[derive(Debug, thiserror::Error)]
#[error("review database: {0}")]
pub struct DbError(#[from] rusqlite::Error);

/// Why a review was not saved.
#[derive(Debug, thiserror::Error)]
pub enum SaveError {
    /// The review changed since the writer read it; this is the current one.
    #[error("the review changed since it was read (now version {})", .0.version)]
    Conflict(Review),
    /// The database failed.
    #[error(transparent)]
    Db(#[from] DbError),
}

/// A hand-added finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Manual {
    /// Database id.
    pub id: i64,
    /// 1-based line the finding is on.
    pub line: usize,
    /// The words of the line the finding is about.
    pub claim: String,
    /// What is wrong.
    pub message: String,
    /// `error` or `warning`.
    pub severity: String,
    /// A correction, if given.
    pub suggestion: Option<String>,
}

/// An uploaded file: its display name and bytes.
pub type Upload = (String, Vec<u8>);

/// One uploaded season.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeasonRow {
    /// Database id.
    pub id: i64,
    /// The titles' names, in upload order.
    pub names: Vec<String>,
}

/// The database: one connection behind a mutex (reviews are small and quick).
pub struct Db {
    conn: Mutex<Connection>,
}

const SCHEMA: &str = "
CREATE TABLE IF NOT EXISTS seasons (id INTEGER PRIMARY KEY);
CREATE TABLE IF NOT EXISTS titles (
    season INTEGER NOT NULL REFERENCES seasons(id),
    idx INTEGER NOT NULL,
    name TEXT NOT NULL,
    bytes BLOB NOT NULL,
    PRIMARY KEY (season, idx)
);
CREATE TABLE IF NOT EXISTS reviews (
    key TEXT PRIMARY KEY,
    status TEXT NOT NULL,
    note TEXT NOT NULL,
    version INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS manual (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    line INTEGER NOT NULL,
    claim TEXT NOT NULL,
    message TEXT NOT NULL,
    severity TEXT NOT NULL,
    suggestion TEXT
);
";

impl Db {
    /// Opens (creating if needed) the database file.
    pub fn open(path: &Path) -> Result<Db, DbError> {
        Db::init(Connection::open(path)?)
    }

    /// A database in memory (tests).
    pub fn in_memory() -> Result<Db, DbError> {
        Db::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<Db, DbError> {
        conn.execute_batch(SCHEMA)?;
        Ok(Db {
            conn: Mutex::new(conn),
        })
    }

    fn conn(&self) -> std::sync::MutexGuard<'_, Connection> {
        // A panic while holding the lock cannot leave a half-done transaction behind
        // (SQLite rolls it back), so a poisoned lock is still usable.
        self.conn.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Stores an uploaded season; returns its id.
    pub fn add_season(&self, files: &[Upload]) -> Result<i64, DbError> {
        let mut conn = self.conn();
        let tx = conn.transaction()?;
        tx.execute("INSERT INTO seasons DEFAULT VALUES", [])?;
        let id = tx.last_insert_rowid();
        for (i, (name, bytes)) in files.iter().enumerate() {
            tx.execute(
                "INSERT INTO titles (season, idx, name, bytes) VALUES (?1, ?2, ?3, ?4)",
                params![id, i as i64, name, bytes],
            )?;
        }
        tx.commit()?;
        Ok(id)
    }

    /// All seasons, newest first.
    pub fn seasons(&self) -> Result<Vec<SeasonRow>, DbError> {
        let conn = self.conn();
        let mut st = conn.prepare(
            "SELECT s.id, t.name FROM seasons s JOIN titles t ON t.season = s.id ORDER BY s.id DESC, t.idx",
        )?;
        let mut out: Vec<SeasonRow> = Vec::new();
        let rows = st.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
        for row in rows {
            let (id, name) = row?;
            match out.last_mut() {
                Some(s) if s.id == id => s.names.push(name),
                _ => out.push(SeasonRow {
                    id,
                    names: vec![name],
                }),
            }
        }
        Ok(out)
    }

    /// The titles of a season, in upload order; `None` if there is no such season.
    pub fn titles(&self, season: i64) -> Result<Option<Vec<Upload>>, DbError> {
        let conn = self.conn();
        let mut st =
            conn.prepare("SELECT name, bytes FROM titles WHERE season = ?1 ORDER BY idx")?;
        let rows: Vec<Upload> = st
            .query_map([season], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<Result<_, _>>()?;
        Ok((!rows.is_empty()).then_some(rows))
    }

    /// The review stored under `key`, if any.
    pub fn review(&self, key: &str) -> Result<Option<Review>, DbError> {
        let conn = self.conn();
        Ok(conn
            .query_row(
                "SELECT status, note, version FROM reviews WHERE key = ?1",
                [key],
                |r| {
                    Ok(Review {
                        status: ReviewStatus::parse(&r.get::<_, String>(0)?)
                            .unwrap_or(ReviewStatus::Open),
                        note: r.get(1)?,
                        version: r.get(2)?,
                    })
                },
            )
            .optional()?)
    }

    /// Saves a review if it is still at `expected` (0: never reviewed); returns the
    /// saved review (version `expected + 1`).
    pub fn save_review(
        &self,
        key: &str,
        expected: i64,
        status: ReviewStatus,
        note: &str,
    ) -> Result<Review, SaveError> {
        let mut conn = self.conn();
        let tx = conn.transaction().map_err(DbError)?;
        let current: Option<(String, String, i64)> = tx
            .query_row(
                "SELECT status, note, version FROM reviews WHERE key = ?1",
                [key],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
            )
            .optional()
            .map_err(DbError)?;
        let now = current.as_ref().map_or(0, |c| c.2);
        if now != expected {
            let (s, n, v) = current.unwrap_or_else(|| ("open".into(), String::new(), 0));
            return Err(SaveError::Conflict(Review {
                status: ReviewStatus::parse(&s).unwrap_or(ReviewStatus::Open),
                note: n,
                version: v,
            }));
        }
        tx.execute(
            "INSERT INTO reviews (key, status, note, version) VALUES (?1, ?2, ?3, ?4)
             ON CONFLICT(key) DO UPDATE SET status = ?2, note = ?3, version = ?4",
            params![key, status.name(), note, expected + 1],
        )
        .map_err(DbError)?;
        tx.commit().map_err(DbError)?;
        Ok(Review {
            status,
            note: note.to_string(),
            version: expected + 1,
        })
    }

    /// Adds a finding by hand to the title named `title`; returns its id.
    pub fn add_manual(&self, title: &str, m: &Manual) -> Result<i64, DbError> {
        let conn = self.conn();
        conn.execute(
            "INSERT INTO manual (title, line, claim, message, severity, suggestion) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            params![title, m.line as i64, m.claim, m.message, m.severity, m.suggestion],
        )?;
        Ok(conn.last_insert_rowid())
    }

    /// The hand-added findings of the title named `title`, oldest first.
    pub fn manual(&self, title: &str) -> Result<Vec<Manual>, DbError> {
        let conn = self.conn();
        let mut st = conn.prepare(
            "SELECT id, line, claim, message, severity, suggestion FROM manual WHERE title = ?1 ORDER BY id",
        )?;
        let rows = st
            .query_map([title], |r| {
                Ok(Manual {
                    id: r.get(0)?,
                    line: r.get::<_, i64>(1)?.max(1) as usize,
                    claim: r.get(2)?,
                    message: r.get(3)?,
                    severity: r.get(4)?,
                    suggestion: r.get(5)?,
                })
            })?
            .collect::<Result<_, _>>()?;
        Ok(rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn versions_guard_against_lost_updates() {
        let db = Db::in_memory().unwrap();
        assert_eq!(db.review("k").unwrap(), None);
        let r = db
            .save_review("k", 0, ReviewStatus::Dismissed, "a")
            .unwrap();
        assert_eq!(r.version, 1);
        // A second writer who also read version 0 is refused, and told what is there.
        match db.save_review("k", 0, ReviewStatus::Confirmed, "b") {
            Err(SaveError::Conflict(now)) => {
                assert_eq!(now.status, ReviewStatus::Dismissed);
                assert_eq!(now.note, "a");
            }
            other => panic!("expected a conflict, got {other:?}"),
        }
        let r = db
            .save_review("k", 1, ReviewStatus::Confirmed, "b")
            .unwrap();
        assert_eq!(r.version, 2);
        assert_eq!(db.review("k").unwrap().unwrap().note, "b");
    }

    #[test]
    fn seasons_titles_and_manual_findings() {
        let db = Db::in_memory().unwrap();
        let id = db
            .add_season(&[
                ("a.srt".into(), b"x".to_vec()),
                ("b.srt".into(), b"y".to_vec()),
            ])
            .unwrap();
        assert_eq!(db.titles(id).unwrap().unwrap().len(), 2);
        assert_eq!(db.titles(id + 1).unwrap(), None);
        assert_eq!(db.seasons().unwrap()[0].names, vec!["a.srt", "b.srt"]);
        let m = Manual {
            id: 0,
            line: 3,
            claim: "c".into(),
            message: "m".into(),
            severity: "error".into(),
            suggestion: None,
        };
        db.add_manual("a.srt", &m).unwrap();
        assert_eq!(db.manual("a.srt").unwrap().len(), 1);
        assert!(db.manual("b.srt").unwrap().is_empty());
    }
}
