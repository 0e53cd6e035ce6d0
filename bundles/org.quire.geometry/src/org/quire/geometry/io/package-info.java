/**
 * Streaming readers and writers for PLY (ASCII, binary little and big endian), PCD v0.7, XYZ/CSV, OBJ, STL and OFF; malformed files fail with the file, line or byte offset and what was expected.
 */
package org.quire.geometry.io;
