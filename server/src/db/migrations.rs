//! Embedded migrations, one folder per dialect under the workspace's `migrations/`.
//! Applied migrations are never edited: add a new numbered file instead.

use super::{Db, Dialect};
use futures::future::BoxFuture;
use sqlx::error::BoxDynError;
use sqlx::migrate::{Migration, MigrationSource, MigrationType, Migrator};
use std::borrow::Cow;

type Files = &'static [(i64, &'static str, &'static str)];

const SQLITE: Files = &[
    (
        1,
        "catalogue",
        include_str!("../../../migrations/sqlite/0001_catalogue.sql"),
    ),
    (
        2,
        "search",
        include_str!("../../../migrations/sqlite/0002_search.sql"),
    ),
    (
        3,
        "digitised",
        include_str!("../../../migrations/sqlite/0003_digitised.sql"),
    ),
    (
        4,
        "accounts",
        include_str!("../../../migrations/sqlite/0004_accounts.sql"),
    ),
];
const POSTGRES: Files = &[
    (
        1,
        "catalogue",
        include_str!("../../../migrations/postgres/0001_catalogue.sql"),
    ),
    (
        2,
        "search",
        include_str!("../../../migrations/postgres/0002_search.sql"),
    ),
    (
        3,
        "digitised",
        include_str!("../../../migrations/postgres/0003_digitised.sql"),
    ),
    (
        4,
        "accounts",
        include_str!("../../../migrations/postgres/0004_accounts.sql"),
    ),
];

#[derive(Debug)]
struct Embedded(Files);

impl<'s> MigrationSource<'s> for Embedded {
    fn resolve(self) -> BoxFuture<'s, Result<Vec<Migration>, BoxDynError>> {
        Box::pin(async move {
            Ok(self
                .0
                .iter()
                .map(|(version, name, sql)| {
                    Migration::new(
                        *version,
                        Cow::Borrowed(*name),
                        MigrationType::Simple,
                        Cow::Borrowed(*sql),
                        false,
                    )
                })
                .collect())
        })
    }
}

/// Applies every pending migration of the database's dialect.
pub async fn run(db: &Db) -> anyhow::Result<()> {
    let files = match db.dialect {
        Dialect::Sqlite => SQLITE,
        Dialect::Postgres => POSTGRES,
    };
    let migrator = Migrator::new(Embedded(files)).await?;
    migrator.run(&db.pool).await?;
    Ok(())
}
