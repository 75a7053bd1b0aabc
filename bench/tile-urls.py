#!/usr/bin/env python3
"""Prints the URL path of every stored tile of an image's pyramid, one per line, as OpenSeadragon
asks for them (scripts/bench, rows iiif-tile and iiif-tile-iip).

    tile-urls.py LAYOUT_JSON portal /iiif/3/IMAGE_ID
    tile-urls.py LAYOUT_JSON iip '/fcgi-bin/iipsrv.fcgi?IIIF=map.tif'

LAYOUT_JSON is the image's layout.json (width, height, tile, scale_factors). Tile (col, row) at
scale factor sf covers x = col*tile*sf, y = row*tile*sf, w = min(tile*sf, width - x), h likewise,
and is asked at ceil(w/sf) x ceil(h/sf): "x,y,w,h/w',h'" (IIIF 3, portal) or "x,y,w,h/w'," (IIIF 2,
iipsrv 1.1), then "/0/default.jpg". Levels from the largest scale factor down, as a viewer zooms in.
"""
import json
import sys


def main() -> None:
    if len(sys.argv) != 4 or sys.argv[2] not in ("portal", "iip"):
        sys.exit("usage: tile-urls.py LAYOUT_JSON portal|iip PREFIX")
    with open(sys.argv[1], encoding="utf-8") as f:
        layout = json.load(f)
    style, prefix = sys.argv[2], sys.argv[3]
    width, height, tile = layout["width"], layout["height"], layout.get("tile", 512)
    for sf in sorted(layout["scale_factors"], reverse=True):
        step = tile * sf
        for y in range(0, height, step):
            for x in range(0, width, step):
                w, h = min(step, width - x), min(step, height - y)
                ow, oh = -(-w // sf), -(-h // sf)
                size = f"{ow},{oh}" if style == "portal" else f"{ow},"
                print(f"{prefix}/{x},{y},{w},{h}/{size}/0/default.jpg")


if __name__ == "__main__":
    main()
