import { geoArea, geoMercator, geoPath, type GeoContext } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { MAP_HEIGHT, MAP_WIDTH } from './map-size.ts';

/** A municipality's boundary as stored (GeoJSON, WGS84). */
export interface Boundary {
  code: string;
  geometry: Geometry;
}

/**
 * Projects the boundaries with Mercator fitted to the drawing area and returns each municipality's
 * SVG path data. The path is written with relative moves at 0.1 precision, which keeps the map of
 * 342 municipalities at about 50 kB before compression (absolute coordinates need half as much again).
 */
export function projectBoundaries(boundaries: Boundary[]): Map<string, string> {
  const features: Array<Feature<Geometry, { code: string }>> = boundaries.map((boundary) => ({
    type: 'Feature',
    properties: { code: boundary.code },
    geometry: d3Winding(boundary.geometry),
  }));
  const collection: FeatureCollection<Geometry, { code: string }> = { type: 'FeatureCollection', features };
  const projection = geoMercator().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const shapes = new Map<string, string>();
  for (const feature of features) {
    const writer = new RelativePath();
    geoPath(projection, writer)(feature);
    shapes.set(feature.properties.code, writer.toString());
  }
  return shapes;
}

/**
 * GeoJSON (RFC 7946) winds outer rings counter-clockwise; d3-geo works on the sphere and reads that
 * as "everything but this area". A polygon covering more than half the sphere is turned around.
 */
function d3Winding(geometry: Geometry): Geometry {
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return geometry;
  if (geoArea(geometry) <= 2 * Math.PI) return geometry;
  if (geometry.type === 'Polygon')
    return { type: 'Polygon', coordinates: geometry.coordinates.map((ring) => [...ring].reverse()) };
  return {
    type: 'MultiPolygon',
    coordinates: geometry.coordinates.map((polygon) => polygon.map((ring) => [...ring].reverse())),
  };
}

/** A d3-geo path context writing "M x y l dx dy … z" in tenths, dropping points that round together. */
class RelativePath implements GeoContext {
  #parts: string[] = [];
  #x = 0;
  #y = 0;
  #inLine = false;

  moveTo(x: number, y: number): void {
    this.#x = Math.round(x * 10);
    this.#y = Math.round(y * 10);
    this.#parts.push(`M${tenths(this.#x)} ${tenths(this.#y)}`);
    this.#inLine = false;
  }

  lineTo(x: number, y: number): void {
    const nx = Math.round(x * 10);
    const ny = Math.round(y * 10);
    if (nx === this.#x && ny === this.#y) return;
    const dx = tenths(nx - this.#x);
    const dy = tenths(ny - this.#y);
    this.#parts.push(
      `${this.#inLine ? (dx.startsWith('-') ? '' : ' ') : 'l'}${dx}${dy.startsWith('-') ? '' : ' '}${dy}`,
    );
    this.#inLine = true;
    this.#x = nx;
    this.#y = ny;
  }

  closePath(): void {
    this.#parts.push('z');
    this.#inLine = false;
  }

  beginPath(): void {
    // Nothing to do: every ring starts with moveTo.
  }

  arc(): void {
    // Points are not drawn: the map has only areas.
  }

  toString(): string {
    return this.#parts.join('');
  }
}

/** 123 → "12.3", -5 → "-.5", 40 → "4". */
function tenths(value: number): string {
  const text = String(value / 10);
  return text.replace(/^(-?)0\./, '$1.');
}
