/**
 * The national map's drawing area (SVG viewBox; coordinates are rounded to 0.1 within it). Kept apart
 * from national-map.ts so the page can use it without loading d3-geo.
 */
export const MAP_WIDTH = 600;
export const MAP_HEIGHT = 700;
