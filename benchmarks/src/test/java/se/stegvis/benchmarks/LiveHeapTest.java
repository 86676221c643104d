package se.stegvis.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** GC.heap_info as JDK 17 prints it for each collector: the generations' used sizes, never the metaspace. */
class LiveHeapTest {

    @Test
    void sumsTheSerialCollectorsGenerations() {
        String heapInfo = """
                14695:
                 def new generation   total 116160K, used 20659K [0x0000000687400000, 0x000000068f200000, 0x0000000704d50000)
                  eden space 103296K,  20% used [0x0000000687400000, 0x000000068882cf10, 0x000000068d8e0000)
                  from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
                  to   space 12864K,   0% used [0x000000068e570000, 0x000000068e570000, 0x000000068f200000)
                 tenured generation   total 258048K, used 10240K [0x0000000704d50000, 0x0000000714950000, 0x0000000800000000)
                   the space 258048K,   3% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000704d50200, 0x0000000714950000)
                 Metaspace       used 8981K, committed 9152K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;

        assertThat(LiveHeap.usedMiB(heapInfo)).isCloseTo((20659 + 10240) / 1024.0, within(1e-9));
    }

    @Test
    void readsTheParallelAndG1Collectors() {
        String parallel = """
                 PSYoungGen      total 113152K, used 19457K [0x0000000782700000, 0x000000078a500000, 0x0000000800000000)
                  eden space 97280K, 20% used [0x0000000782700000,0x0000000783a00420,0x0000000788600000)
                 ParOldGen       total 258048K, used 1024K [0x0000000687400000, 0x0000000697000000, 0x0000000782700000)
                 Metaspace       used 8987K, committed 9152K, reserved 1114112K
                """;
        String g1 = """
                 garbage-first heap   total 397312K, used 18945K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 4 young (16384K), 0 survivors (0K)
                 Metaspace       used 8973K, committed 9152K, reserved 1114112K
                """;

        assertThat(LiveHeap.usedMiB(parallel)).isCloseTo((19457 + 1024) / 1024.0, within(1e-9));
        assertThat(LiveHeap.usedMiB(g1)).isCloseTo(18945 / 1024.0, within(1e-9));
    }

    @Test
    void isNotANumberWhenNoGenerationIsNamed() {
        assertThat(LiveHeap.usedMiB("12345:\nCould not attach\n")).isNaN();
    }
}
