/** A JSON Pointer segment as written (RFC 6901: `~1` is `/`, `~0` is `~`, in that order). */
export const pointerSegment = (segment: string): string => segment.replace(/~1/g, '/').replace(/~0/g, '~');
