//! Turns what an engine found into a page of results as the viewer may see it: every hit is
//! re-read from the database and passed through the access policy again (a unit restricted a
//! moment ago never shows its text, even before the index has caught up), facets get labels,
//! and a search that finds nothing gets hints.

use super::query::{self, Parsed, Query, Word};
use super::store;
use super::sync::Indexer;
use super::{Found, FoundHit, Indexes, RawFacets, SearchError, SearchIndex};
use crate::access::{self, PublicUnit};
use crate::catalogue::model::Mode;
use crate::catalogue::store::StoredUnit;
use crate::config::Visibility;
use crate::db::Db;
use app::codes;
use app::model::{Access, Level};
use app::search::{Crumb, FacetValue, Facets, Hint, Hit, SearchPage, SearchParams, Suggestion};
use app::service::ServiceError;
use std::sync::Arc;

/// Who is searching: the public index serves everyone; the staff index only staff.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Audience {
    Public,
    Staff,
}

/// The search service the pages and the API call.
#[derive(Clone)]
pub struct Search {
    db: Db,
    indexes: Indexes,
    visibility: Visibility,
    indexer: Indexer,
}

/// Completions offered while typing.
const SUGGESTIONS: u32 = 8;
/// Values listed per facet.
const FACET_VALUES: usize = 30;

impl Search {
    /// The service over `indexes`, with its indexer.
    pub fn new(db: Db, indexes: Indexes, visibility: Visibility) -> Search {
        let indexer = Indexer::new(db.clone(), indexes.clone(), visibility);
        Search {
            db,
            indexes,
            visibility,
            indexer,
        }
    }

    /// Whether the public index answers a query.
    pub async fn ping(&self) -> bool {
        let count = Query {
            limit: 0,
            ..Query::default()
        };
        self.indexes.public.search(count).await.is_ok()
    }

    /// The indexer keeping these indexes up to date.
    pub fn indexer(&self) -> &Indexer {
        &self.indexer
    }

    fn index(&self, audience: Audience) -> &Arc<dyn SearchIndex> {
        match audience {
            Audience::Public => &self.indexes.public,
            Audience::Staff => &self.indexes.staff,
        }
    }

    /// One page of results for `params`.
    pub async fn search(
        &self,
        params: &SearchParams,
        audience: Audience,
    ) -> Result<SearchPage, ServiceError> {
        let Parsed {
            query,
            page,
            per_page,
            ignored,
        } = query::parse(params).map_err(|b| ServiceError::BadRequest {
            parameter: b.parameter.to_string(),
            reason: b.reason,
        })?;
        let index = self.index(audience);
        let found = index.search(query.clone()).await.map_err(engine)?;
        let hits = self.hits(&found.hits, &query, audience).await?;
        let facets = self.facets(&found.facets, audience).await?;
        let hints = if found.total == 0 {
            self.hints(index, &query, params).await?
        } else {
            Vec::new()
        };
        Ok(SearchPage {
            total: found.total,
            page,
            per_page,
            hits,
            facets,
            hints,
            ignored,
        })
    }

    /// Completions for `q`: titles of the best matches, the last word taken as a prefix. Only
    /// the public index is asked, so no restricted word is ever suggested.
    pub async fn suggest(&self, q: &str) -> Result<Vec<Suggestion>, ServiceError> {
        let (text, _) = query::parse_text(q);
        if text.is_empty() || text.raw.chars().count() > query::MAX_QUERY_CHARS {
            return Ok(Vec::new());
        }
        let query = Query {
            text,
            limit: SUGGESTIONS,
            prefix: true,
            ..Query::default()
        };
        let found = self
            .indexes
            .public
            .search(query.clone())
            .await
            .map_err(engine)?;
        let hits = self.hits(&found.hits, &query, Audience::Public).await?;
        Ok(hits
            .into_iter()
            .filter_map(|h| {
                Some(Suggestion {
                    title: h.title?,
                    code: h.code,
                })
            })
            .collect())
    }

    async fn hits(
        &self,
        found: &[FoundHit],
        query: &Query,
        audience: Audience,
    ) -> Result<Vec<Hit>, ServiceError> {
        let ids: Vec<i64> = found.iter().map(|h| h.unit_id).collect();
        let units = store::full_units(&self.db, &ids).await.map_err(internal)?;
        let refs: Vec<&StoredUnit> = units.values().collect();
        let known = store::ancestors_of(&self.db, &refs)
            .await
            .map_err(internal)?;
        let textual = !query.text.words.is_empty() || !query.text.phrases.is_empty();
        let mut out = Vec::with_capacity(found.len());
        for h in found {
            let Some(unit) = units.get(&h.unit_id) else {
                continue;
            };
            let chain = store::chain(unit, &known);
            let hit = match audience {
                Audience::Staff => Some(staff_hit(unit, &chain, h.snippet.clone())),
                Audience::Public => self.public_hit(unit, &chain, h.snippet.clone(), textual),
            };
            out.extend(hit);
        }
        self.add_pages(&mut out, &units, audience).await?;
        Ok(out)
    }

    /// Thumbnails of digitised hits the viewer may see the pages of, and the page a snippet
    /// comes from when the words were found in a page's text layer.
    async fn add_pages(
        &self,
        hits: &mut [Hit],
        units: &std::collections::HashMap<i64, StoredUnit>,
        audience: Audience,
    ) -> Result<(), ServiceError> {
        use crate::iiif::store as pages;
        let by_code: std::collections::HashMap<&str, &StoredUnit> =
            units.values().map(|u| (u.code.as_str(), u)).collect();
        for hit in hits.iter_mut().filter(|h| h.digitized) {
            let Some(unit) = by_code.get(hit.code.as_str()) else {
                continue;
            };
            if audience == Audience::Public
                && !crate::iiif::auth::public_pages(unit.effective_mode, unit.withdrawn)
            {
                continue;
            }
            let list = pages::pages_of(&self.db, &[unit.unit_id])
                .await
                .map_err(internal)?;
            let Some(first) = list.first() else {
                continue;
            };
            let mut chosen = first;
            if let Some(snippet) = &hit.snippet
                && list.iter().any(|p| p.has_text)
            {
                let texts = pages::page_texts(&self.db, unit.unit_id)
                    .await
                    .map_err(internal)?;
                if let Some(seq) = page_of_snippet(snippet, &texts) {
                    hit.page = Some(seq);
                    chosen = list.iter().find(|p| p.seq == seq).unwrap_or(first);
                }
            }
            hit.thumbnail = Some(pages::thumbnail_path(
                &chosen.image_id,
                chosen.width,
                chosen.height,
            ));
        }
        Ok(())
    }

    /// The public hit, or `None` when the public may not see the unit or an ancestor, or when
    /// words matched a unit the public sees only as a stub (the index is a moment behind).
    fn public_hit(
        &self,
        unit: &StoredUnit,
        chain: &[&StoredUnit],
        snippet: Option<String>,
        textual: bool,
    ) -> Option<Hit> {
        let view = access::public_view(unit, self.visibility)?;
        let parents: Vec<PublicUnit> = chain
            .iter()
            .map(|a| access::public_view(a, self.visibility))
            .collect::<Option<_>>()?;
        if view.title().is_none() && textual {
            return None;
        }
        let fonds = parents.first().unwrap_or(&view);
        Some(Hit {
            code: view.code().to_string(),
            level: view.level(),
            title: view.title().map(str::to_string),
            date: view.date_text().map(str::to_string),
            years: view.years(),
            fonds: fonds.code().to_string(),
            fonds_name: fonds.title().map(str::to_string),
            parents: parents
                .iter()
                .map(|p| Crumb {
                    code: p.code().to_string(),
                    level: p.level(),
                    title: p.title().map(str::to_string),
                })
                .collect(),
            snippet: view.title().and(snippet),
            digitized: view.digitized(),
            access: view.access(),
            page: None,
            thumbnail: None,
        })
    }

    async fn facets(&self, raw: &RawFacets, audience: Audience) -> Result<Facets, ServiceError> {
        let codes: Vec<String> = raw
            .fonds
            .iter()
            .take(FACET_VALUES)
            .map(|(c, _)| c.clone())
            .collect();
        let fonds = store::list_units_by_code(&self.db, &codes)
            .await
            .map_err(internal)?;
        let fonds_label = |code: &str| {
            let unit = fonds.get(code);
            let title = match audience {
                Audience::Staff => unit.and_then(|u| u.title.clone()),
                Audience::Public => unit
                    .and_then(|u| access::public_view(u, self.visibility))
                    .and_then(|v| v.title().map(str::to_string)),
            };
            title.unwrap_or_else(|| code.to_string())
        };
        let values = |list: &[(String, u64)], label: &dyn Fn(&str) -> String| -> Vec<FacetValue> {
            list.iter()
                .take(FACET_VALUES)
                .map(|(v, n)| FacetValue {
                    value: v.clone(),
                    label: label(v),
                    count: *n,
                })
                .collect()
        };
        let code_label = |list: codes::CodeList| {
            move |v: &str| codes::name_of(list, v, false).unwrap_or(v).to_string()
        };
        let mut year: Vec<FacetValue> = raw
            .decade
            .iter()
            .map(|(d, n)| FacetValue {
                value: d.to_string(),
                label: format!("{d}–{}", d + 9),
                count: *n,
            })
            .collect();
        year.sort_by(|a, b| a.value.cmp(&b.value));
        Ok(Facets {
            fonds: values(&raw.fonds, &fonds_label),
            level: values(&raw.level, &level_label),
            doc_type: values(&raw.doc_type, &code_label(codes::TYPE_NAME)),
            year,
            lang: values(&raw.lang, &code_label(codes::LANGUAGE)),
            digitized: values(&raw.digitized, &|v| {
                if v == "yes" {
                    "Đã số hóa"
                } else {
                    "Chưa số hóa"
                }
                .to_string()
            }),
            access: values(&raw.access, &|v| {
                if v == "public" {
                    "Công khai"
                } else {
                    "Sử dụng có điều kiện"
                }
                .to_string()
            }),
        })
    }

    /// What to change when nothing was found: each filter removed, each word left out, a close
    /// spelling; only changes that find something are offered.
    async fn hints(
        &self,
        index: &Arc<dyn SearchIndex>,
        query: &Query,
        params: &SearchParams,
    ) -> Result<Vec<Hint>, ServiceError> {
        let count = |q: Query| async move {
            let q = Query {
                offset: 0,
                limit: 0,
                facets: false,
                ..q
            };
            index
                .search(q)
                .await
                .map(|f: Found| f.total)
                .map_err(engine)
        };
        let mut hints = Vec::new();
        for (name, _) in params.filters() {
            let mut p = params.clone();
            p.set(name, None);
            let Ok(parsed) = query::parse(&p) else {
                continue;
            };
            let total = count(parsed.query).await?;
            if total > 0 {
                hints.push(Hint::RemoveFilter {
                    parameter: name.to_string(),
                    total,
                });
            }
        }
        let words = &query.text.words;
        for (i, w) in words.iter().enumerate() {
            let mut spelled = None;
            if let Some(s) = index.spell(w.folded.clone()).await.map_err(engine)?
                && s != w.folded
            {
                let mut q = query.clone();
                q.text.words[i] = Word {
                    exact: s.clone(),
                    folded: s.clone(),
                };
                let total = count(q.clone()).await?;
                if total > 0 {
                    spelled = Some((replace_word(&q.text.words), total));
                }
            }
            if let Some((query, total)) = spelled {
                hints.push(Hint::Spelling { query, total });
            }
            if words.len() > 1 && i < 4 {
                let mut q = query.clone();
                q.text.words.remove(i);
                let total = count(q).await?;
                if total > 0 {
                    hints.push(Hint::DropWord {
                        word: w.exact.clone(),
                        total,
                    });
                }
            }
        }
        Ok(hints)
    }
}

fn replace_word(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.exact.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

fn staff_hit(unit: &StoredUnit, chain: &[&StoredUnit], snippet: Option<String>) -> Hit {
    let fonds = chain.first().copied().unwrap_or(unit);
    Hit {
        code: unit.code.clone(),
        level: unit.level,
        title: unit.title.clone(),
        date: unit.date_text.clone(),
        years: unit.years(),
        fonds: fonds.code.clone(),
        fonds_name: fonds.title.clone(),
        parents: chain
            .iter()
            .map(|p| Crumb {
                code: p.code.clone(),
                level: p.level,
                title: p.title.clone(),
            })
            .collect(),
        snippet,
        digitized: unit.is_digitized(),
        access: if unit.effective_mode == Mode::Public {
            Access::Public
        } else {
            Access::Conditional
        },
        page: None,
        thumbnail: None,
    }
}

fn level_label(v: &str) -> String {
    match Level::parse(v) {
        Some(Level::Fonds) => "Phông",
        Some(Level::Series) => "Mục lục",
        Some(Level::File) => "Hồ sơ",
        Some(Level::Item) => "Tài liệu",
        None => v,
    }
    .to_string()
}

fn engine(e: SearchError) -> ServiceError {
    tracing::error!(error = %e, "search engine error");
    ServiceError::Internal
}

fn internal(e: sqlx::Error) -> ServiceError {
    tracing::error!(error = %e, "database error while searching");
    ServiceError::Internal
}

/// The page whose text holds the passage of `snippet` (HTML-escaped, matches in `<mark>`), if
/// the passage comes from a page's text layer rather than from the description.
fn page_of_snippet(snippet: &str, texts: &[(u32, String)]) -> Option<u32> {
    let plain = unescape(snippet);
    let norm = |t: &str| {
        t.split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
            .to_lowercase()
    };
    let passage = norm(&plain);
    if passage.chars().count() < 8 {
        return None;
    }
    let pages: Vec<(u32, String)> = texts.iter().map(|(n, t)| (*n, norm(t))).collect();
    // The line with the most matches, first: a passage may run over the description and pages.
    let best_line = snippet
        .lines()
        .max_by_key(|l| l.matches("<mark>").count())
        .filter(|l| l.contains("<mark>"))
        .map(|l| norm(&unescape(l)));
    if let Some(line) = best_line.filter(|l| l.chars().count() >= 8)
        && let Some((n, _)) = pages.iter().find(|(_, t)| t.contains(line.as_str()))
    {
        return Some(*n);
    }
    // The whole passage, else its longest line-free half (a passage may straddle two pages).
    let words: Vec<&str> = passage.split(' ').collect();
    let half = words.len() / 2;
    let candidates = [
        passage.clone(),
        words[..half.max(1)].join(" "),
        words[half..].join(" "),
    ];
    candidates
        .iter()
        .filter(|c| c.chars().count() >= 8)
        .find_map(|c| {
            pages
                .iter()
                .find(|(_, t)| t.contains(c.as_str()))
                .map(|(n, _)| *n)
        })
}

/// The text of an escaped snippet without its marks.
fn unescape(snippet: &str) -> String {
    snippet
        .replace("<mark>", "")
        .replace("</mark>", "")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod page_tests {
    use super::page_of_snippet;

    #[test]
    fn a_passage_from_a_page_names_that_page_and_one_from_the_description_none() {
        let texts = vec![
            (
                1,
                "UỶ BAN NHÂN DÂN\nvề việc thành lập Ban chỉ đạo".to_string(),
            ),
            (
                2,
                "Điều 2. Giao Sở Tài chính & Sở Nội vụ\nthực hiện quyết định này".to_string(),
            ),
        ];
        assert_eq!(
            page_of_snippet(
                "Giao <mark>Sở Tài chính</mark> &amp; Sở Nội vụ thực hiện",
                &texts
            ),
            Some(2)
        );
        assert_eq!(page_of_snippet("ban <mark>chỉ đạo</mark>", &texts), Some(1));
        // A passage over the description and two pages: the line with the matches decides.
        assert_eq!(
            page_of_snippet(
                "giáo dục\n\nUỶ BAN NHÂN DÂN\n\nĐiều 2. Giao <mark>Sở</mark> <mark>Tài</mark> chính",
                &texts
            ),
            Some(2)
        );
        assert_eq!(
            page_of_snippet(
                "Tập quyết định về <mark>tổ chức</mark> cán bộ năm 1999",
                &texts
            ),
            None
        );
    }
}
