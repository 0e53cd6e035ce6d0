package org.quire.geometry.io;

/**
 * LZF decompression (Marc Lehmann's format, as used by PCD {@code binary_compressed}): a control byte below 32 starts a
 * literal run of control+1 bytes; otherwise its top 3 bits are a back-reference length (7 means a further length byte
 * follows) and the low 5 bits with the next byte an offset-1.
 */
final class Lzf {
    private Lzf() {
    }

    /** Decompresses {@code in} into {@code out}; returns the bytes written, or -1 when the data is corrupt. */
    static int decompress(byte[] in, byte[] out) {
        int ip = 0, op = 0;
        while (ip < in.length) {
            int ctrl = in[ip++] & 0xff;
            if (ctrl < 32) {
                int len = ctrl + 1;
                if (op + len > out.length || ip + len > in.length) {
                    return -1;
                }
                System.arraycopy(in, ip, out, op, len);
                ip += len;
                op += len;
            } else {
                int len = ctrl >> 5;
                if (len == 7) {
                    if (ip >= in.length) {
                        return -1;
                    }
                    len += in[ip++] & 0xff;
                }
                if (ip >= in.length) {
                    return -1;
                }
                int ref = op - ((ctrl & 0x1f) << 8) - 1 - (in[ip++] & 0xff);
                len += 2;
                if (ref < 0 || op + len > out.length) {
                    return -1;
                }
                for (int k = 0; k < len; k++) {
                    out[op++] = out[ref++];
                }
            }
        }
        return op;
    }

    /**
     * A valid LZF stream for {@code in} (literal runs plus back-references found by a small hash); used by the PCD
     * {@code binary_compressed} writer.
     */
    static byte[] compress(byte[] in) {
        byte[] out = new byte[in.length + in.length / 32 + 16];
        int[] table = new int[1 << 14];
        java.util.Arrays.fill(table, -1);
        int ip = 0, op = 0;
        int litStart = 0;
        while (ip + 2 < in.length) {
            int h = (((in[ip] & 0xff) << 16 | (in[ip + 1] & 0xff) << 8 | (in[ip + 2] & 0xff)) * 0x9E3779B1) >>> 18;
            int ref = table[h];
            table[h] = ip;
            int off = ip - ref - 1;
            if (ref >= 0 && off < 8192 && in[ref] == in[ip] && in[ref + 1] == in[ip + 1] && in[ref + 2] == in[ip + 2]) {
                op = literals(in, litStart, ip, out, op);
                int len = 3;
                int max = Math.min(264, in.length - ip);
                while (len < max && in[ref + len] == in[ip + len]) {
                    len++;
                }
                int l = len - 2;
                if (l < 7) {
                    out[op++] = (byte) ((l << 5) | (off >> 8));
                } else {
                    out[op++] = (byte) ((7 << 5) | (off >> 8));
                    out[op++] = (byte) (l - 7);
                }
                out[op++] = (byte) off;
                ip += len;
                litStart = ip;
            } else {
                ip++;
            }
        }
        op = literals(in, litStart, in.length, out, op);
        return java.util.Arrays.copyOf(out, op);
    }

    private static int literals(byte[] in, int from, int to, byte[] out, int op) {
        while (from < to) {
            int len = Math.min(32, to - from);
            out[op++] = (byte) (len - 1);
            System.arraycopy(in, from, out, op, len);
            op += len;
            from += len;
        }
        return op;
    }
}
