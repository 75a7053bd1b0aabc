//! `/api/v1/openapi.json`: the OpenAPI 3.1 description of the public JSON API, kept beside the
//! routes it describes (a test checks that every route is in it).

use serde_json::{Value, json};

/// The paths the document describes; the router serves exactly these.
pub(crate) const PATHS: &[&str] = &[
    "/api/v1/records/{code}",
    "/api/v1/records/{code}/children",
    "/api/v1/search",
    "/api/v1/suggest",
    "/api/v1/records/{code}/pdf",
    "/api/v1/jobs",
];

/// The OpenAPI document.
pub(crate) fn document() -> Value {
    let code = json!({"name": "code", "in": "path", "required": true, "schema": {"type": "string"},
        "description": "Reference code of a fonds, series, file or item (e.g. H34.10.1996.01.045)"});
    let cursor = |name: &str, what: &str| {
        json!({"name": name, "in": "query", "required": false,
        "schema": {"type": "string"}, "description": what})
    };
    let limit = json!({"name": "limit", "in": "query", "required": false,
        "schema": {"type": "integer", "minimum": 1, "maximum": app::model::MAX_PAGE_SIZE, "default": app::model::DEFAULT_PAGE_SIZE}});
    let error = json!({"$ref": "#/components/responses/Error"});
    let param = |name: &str, what: &str| json!({"name": name, "in": "query", "required": false, "schema": {"type": "string"}, "description": what});
    let search_params = json!([
        param(
            "q",
            "Words (with or without diacritics, small typos tolerated), \"quoted phrases\", reference codes, number/symbol (3016/KH-UBND)"
        ),
        param("fonds", "A fonds code"),
        param("level", "fonds, series, file or item"),
        param("type", "Document type code (typeName, e.g. 02 Quyết định)"),
        param("lang", "Language code (01 Tiếng Việt …)"),
        param(
            "from",
            "Year or ISO date: units whose dates overlap [from, to]"
        ),
        param("to", "Year or ISO date"),
        param("digitized", "yes or no"),
        param("access", "public or conditional"),
        param(
            "within",
            "Only units below this code (a fonds, series or file)"
        ),
        param("sort", "relevance (default), date, -date or code"),
        param("page", "1-based page number (page × per_page ≤ 10,000)"),
        param("per_page", "Hits per page, 1–100 (default 20)")
    ]);
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Phòng đọc trực tuyến — public catalogue API",
            "version": "1",
            "description": "The published catalogue as an anonymous visitor may see it: conditional units appear as stubs (no title, dates text or metadata) or not at all, per the portal's setting; secret units never exist here."
        },
        "paths": {
            "/api/v1/records/{code}": {"get": {
                "summary": "A unit: code, level, title, dates, access, visible metadata, parent chain, child count, pages",
                "parameters": [code],
                "responses": {"200": {"description": "The unit", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Record"}}}},
                              "404": error.clone()}
            }},
            "/api/v1/records/{code}/children": {"get": {
                "summary": "One page of a unit's children in catalogue order, paged by cursor",
                "parameters": [code, cursor("after", "Cursor `next` of the previous page"),
                               cursor("before", "Cursor `prev` of the following page"), limit],
                "responses": {"200": {"description": "A page of children", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/ChildrenPage"}}}},
                              "400": error.clone(), "404": error.clone()}
            }},
            "/api/v1/search": {"get": {
                "summary": "Search: relevance-ranked hits with snippets and facet counts. Anonymous callers search what the public may see; `Authorization: Bearer <feed token>` searches everything stored (staff).",
                "parameters": search_params,
                "responses": {"200": {"description": "A page of results", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/SearchPage"}}}},
                              "400": error.clone(), "401": error.clone()}
            }},
            "/api/v1/records/{code}/pdf": {"get": {
                "summary": "A public record's digitised pages as one PDF (never for conditional records)",
                "parameters": [code],
                "responses": {"200": {"description": "The PDF", "content": {"application/pdf": {}}},
                              "403": {"description": "The record's pages are not public"},
                              "404": {"description": "No such record, or it has no pages"}}
            }},
            "/api/v1/jobs": {"get": {
                "summary": "Staff only (`Authorization: Bearer <feed token>`): background page-making jobs — counts, progress of the running ones, recent per-file failures",
                "responses": {"200": {"description": "Job status", "content": {"application/json": {"schema": {"type": "object"}}}},
                              "401": {"description": "Not staff"}}
            }},
            "/api/v1/suggest": {"get": {
                "summary": "Completions while typing: titles of the best public matches, the last word taken as a prefix",
                "parameters": [param("q", "What has been typed so far")],
                "responses": {"200": {"description": "Suggestions", "content": {"application/json": {"schema": {"type": "object", "properties": {
                    "suggestions": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "title": {"type": "string"}}}}}}}}},
                              "400": error}
            }}
        },
        "components": {
            "schemas": {
                "Summary": {"type": "object", "required": ["code", "level", "access", "child_count"], "properties": {
                    "code": {"type": "string"},
                    "level": {"enum": ["fonds", "series", "file", "item"]},
                    "title": {"type": ["string", "null"]},
                    "date": {"type": ["string", "null"], "description": "As given in the catalogue (DD/MM/YYYY, MM/YYYY or YYYY)"},
                    "years": {"type": ["array", "null"], "items": {"type": "integer"}, "minItems": 2, "maxItems": 2},
                    "access": {"enum": ["public", "conditional", "granted"]},
                    "child_count": {"type": "integer"}}},
                "Record": {"allOf": [{"$ref": "#/components/schemas/Summary"}, {"type": "object", "properties": {
                    "fonds_code": {"type": "string"},
                    "fonds_name": {"type": ["string", "null"]},
                    "metadata": {"type": "array", "items": {"type": "object", "properties": {
                        "field": {"type": "string", "description": "TT05 tag"}, "value": {"type": "string"}}}},
                    "parents": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}},
                    "pages": {"type": "array", "items": {"type": "string"}}}}]},
                "ChildrenPage": {"type": "object", "properties": {
                    "items": {"type": "array", "items": {"$ref": "#/components/schemas/Summary"}},
                    "total": {"type": "integer"},
                    "next": {"type": ["string", "null"]},
                    "prev": {"type": ["string", "null"]}}},
                "Facet": {"type": "array", "items": {"type": "object", "properties": {
                    "value": {"type": "string", "description": "The parameter value that selects it (for year: the decade's first year)"},
                    "label": {"type": "string"}, "count": {"type": "integer"}}}},
                "SearchPage": {"type": "object", "required": ["total", "page", "per_page", "hits", "facets"], "properties": {
                    "total": {"type": "integer"}, "page": {"type": "integer"}, "per_page": {"type": "integer"},
                    "hits": {"type": "array", "items": {"type": "object", "properties": {
                        "code": {"type": "string"}, "level": {"enum": ["fonds", "series", "file", "item"]},
                        "title": {"type": ["string", "null"]}, "date": {"type": ["string", "null"]},
                        "years": {"type": ["array", "null"], "items": {"type": "integer"}},
                        "fonds": {"type": "string"}, "fonds_name": {"type": ["string", "null"]},
                        "parents": {"type": "array", "items": {"type": "object", "properties": {"code": {"type": "string"}, "level": {"type": "string"}, "title": {"type": ["string", "null"]}}}},
                        "snippet": {"type": ["string", "null"], "description": "HTML-escaped text; matches in <mark>…</mark>"},
                        "digitized": {"type": "boolean"}, "access": {"enum": ["public", "conditional", "granted"]},
                        "page": {"type": ["integer", "null"], "description": "The page (1-based) whose text matched, when the words were found inside a scanned page"},
                        "thumbnail": {"type": ["string", "null"], "description": "URL path of a small stored image of the matched (or first) page"}}}},
                    "facets": {"type": "object", "properties": {
                        "fonds": {"$ref": "#/components/schemas/Facet"}, "level": {"$ref": "#/components/schemas/Facet"},
                        "type": {"$ref": "#/components/schemas/Facet"}, "year": {"$ref": "#/components/schemas/Facet"},
                        "lang": {"$ref": "#/components/schemas/Facet"}, "digitized": {"$ref": "#/components/schemas/Facet"},
                        "access": {"$ref": "#/components/schemas/Facet"}}},
                    "hints": {"type": "array", "description": "When nothing is found: remove_filter {parameter, total}, drop_word {word, total}, spelling {query, total}", "items": {"type": "object"}},
                    "ignored": {"type": "array", "items": {"type": "string"}, "description": "Parts of q that were left out"}}},
                "Error": {"type": "object", "required": ["error", "message"], "properties": {
                    "error": {"enum": ["not_found", "bad_request", "unauthorized", "internal"]},
                    "message": {"type": "string"},
                    "parameter": {"type": "string", "description": "The malformed parameter (400 only)"}}}
            },
            "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        }
    })
}
