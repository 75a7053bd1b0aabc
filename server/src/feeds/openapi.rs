//! `/api/v1/openapi.json`: the OpenAPI 3.1 description of the public JSON API, kept beside the
//! routes it describes (a test checks that every route is in it).

use serde_json::{Value, json};

/// The paths the document describes; the router serves exactly these.
pub(crate) const PATHS: &[&str] = &["/api/v1/records/{code}", "/api/v1/records/{code}/children"];

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
                              "400": error.clone(), "404": error}
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
                "Error": {"type": "object", "required": ["error", "message"], "properties": {
                    "error": {"enum": ["not_found", "bad_request", "internal"]},
                    "message": {"type": "string"},
                    "parameter": {"type": "string", "description": "The malformed parameter (400 only)"}}}
            },
            "responses": {"Error": {"description": "An error", "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Error"}}}}}
        }
    })
}
