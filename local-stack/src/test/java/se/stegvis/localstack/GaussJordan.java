package se.stegvis.localstack;

import java.math.BigInteger;
import java.util.List;

/** Reduced row echelon form modulo a prime, in place: the first {@code rank} rows are the reduced basis. */
final class GaussJordan {

    private GaussJordan() {
    }

    static int reduce(List<long[]> rows, int columns, long prime) {
        int rank = 0;
        for (int column = 0; column < columns && rank < rows.size(); column++) {
            int pivot = -1;
            for (int r = rank; r < rows.size(); r++) {
                if (rows.get(r)[column] != 0) {
                    pivot = r;
                    break;
                }
            }
            if (pivot < 0) {
                continue;
            }
            long[] swapped = rows.get(pivot);
            rows.set(pivot, rows.get(rank));
            rows.set(rank, swapped);
            long inverse = BigInteger.valueOf(swapped[column]).modInverse(BigInteger.valueOf(prime)).longValue();
            for (int j = 0; j < columns; j++) {
                swapped[j] = swapped[j] * inverse % prime;
            }
            for (int r = 0; r < rows.size(); r++) {
                long[] other = rows.get(r);
                long factor = other[column];
                if (r != rank && factor != 0) {
                    for (int j = 0; j < columns; j++) {
                        other[j] = Math.floorMod(other[j] - factor * swapped[j] % prime, prime);
                    }
                }
            }
            rank++;
        }
        return rank;
    }
}
