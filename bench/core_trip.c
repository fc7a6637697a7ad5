// How far apart the machine's two vCPUs are, as the two-lane step feels it: the round trip of one cache line between
// a thread pinned to each (each waits for the other's write, then writes), and the rate at which a block of weights
// that one core has just rewritten is read and rewritten by the other (the hand-over of a layer between the lanes).
// On this kind of machine the hypervisor places the two vCPUs sometimes on one CCD (a shared L3: ~80 ns round trip)
// and sometimes on two (~360 ns), and moves them within minutes; bench/measure-rate.sh prints this beside every run.
// Also a 40 KB layer's cost on the second core: read after the first core rewrote it, and rewritten after both read
// it (core_read_written_40k_us, core_rewrite_shared_40k_us).
// Build: gcc -O3 -march=native -pthread -o core_trip bench/core_trip.c   Usage: core_trip [block KB, default 256]
#define _GNU_SOURCE
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static _Atomic long turn __attribute__((aligned(64)));
static float *block;
static long floats;
static long handoffs;
static int rewrite;

static void pin(int cpu)
{
    cpu_set_t set;
    CPU_ZERO(&set);
    CPU_SET(cpu, &set);
    pthread_setaffinity_np(pthread_self(), sizeof set, &set);
}

// Rewrites every float of a block (each line read, then written).
static void rewrite_block(float *p, long count)
{
    for (long j = 0; j < count; j++)
    {
        p[j] = p[j] * 0.5f + 1.0f;
    }
}

// Even turns belong to core 0, odd turns to core 1; each turn optionally rewrites the whole block.
static void play(long first)
{
    for (long t = first; t < 2 * handoffs; t += 2)
    {
        while (atomic_load_explicit(&turn, memory_order_acquire) != t)
        {
        }
        if (rewrite)
        {
            rewrite_block(block, floats);
        }
        atomic_store_explicit(&turn, t + 1, memory_order_release);
    }
}

static double now_ns(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return 1e9 * t.tv_sec + t.tv_nsec;
}

// The turns that the thread on core 1 plays (run_turns).
static void (*second_turns)(long);

static void *second_core(void *unused)
{
    (void)unused;
    pin(1);
    second_turns(1);
    return NULL;
}

// Plays one game of turns: core 1 (a new thread) takes the odd turns, this thread (pinned to core 0) the even ones.
static void run_turns(void (*turns)(long))
{
    pthread_t other;
    atomic_store(&turn, 0);
    second_turns = turns;
    pthread_create(&other, NULL, second_core, NULL);
    turns(0);
    pthread_join(other, NULL);
}

static double seconds_for(long count, int with_block)
{
    handoffs = count;
    rewrite = with_block;
    double start = now_ns();
    run_turns(play);
    return 1e-9 * (now_ns() - start);
}

// What a lane pays for a block of a layer (40 KB: a 100×100 matrix) that crosses, timed on the second core only:
// reading it after the first core rewrote it, and rewriting it after both cores read it (as both lanes read W's
// panels in the forward pass and one rewrites them in the update). Far, the second costs 4× and more
// (bench/README.md, session T).
static float *layer;
static long layer_floats;
static int layer_shared;
static double layer_ns;
static volatile float layer_sink;

static float read_layer(void)
{
    // Sixteen independent sums (one 512-bit vector), so the loads, not a chain of additions, set the pace.
    float sums[16] = {0};
    for (long j = 0; j < layer_floats; j += 16)
    {
        for (int k = 0; k < 16; k++)
        {
            sums[k] += layer[j + k];
        }
    }
    float sum = 0;
    for (int k = 0; k < 16; k++)
    {
        sum += sums[k];
    }
    return sum;
}

static void layer_turns(long first)
{
    for (long t = first; t < 2 * handoffs; t += 2)
    {
        while (atomic_load_explicit(&turn, memory_order_acquire) != t)
        {
        }
        if (first == 0)
        {
            // The first core either rewrites the block or only reads it (then both cores hold its lines).
            if (layer_shared)
            {
                layer_sink = read_layer();
            }
            else
            {
                rewrite_block(layer, layer_floats);
            }
        }
        else
        {
            double start = now_ns();
            if (layer_shared)
            {
                rewrite_block(layer, layer_floats);
            }
            else
            {
                layer_sink = read_layer();
            }
            layer_ns += now_ns() - start;
        }
        atomic_store_explicit(&turn, t + 1, memory_order_release);
    }
}

static double layer_us(int shared)
{
    handoffs = 2000;
    layer_shared = shared;
    layer_ns = 0;
    run_turns(layer_turns);
    return layer_ns / handoffs / 1000;
}

int main(int argc, char **argv)
{
    long kb = argc > 1 ? atol(argv[1]) : 256;
    floats = kb * 256;
    block = aligned_alloc(64, (size_t)floats * sizeof(float));
    for (long j = 0; j < floats; j++)
    {
        block[j] = 1.0f;
    }
    pin(0);
    // Best of three, as limits.c reports its bests: the other vCPU's neighbours only ever slow a reading down.
    double trip = 1e9, handoff = 1e9;
    for (int r = 0; r < 3; r++)
    {
        double s = seconds_for(200000, 0) / 200000;  // one round trip = two hand-overs of the line
        trip = s < trip ? s : trip;
        s = seconds_for(500, 1) / 1000;
        handoff = s < handoff ? s : handoff;
    }
    layer_floats = 10000;
    layer = aligned_alloc(64, (size_t)layer_floats * sizeof(float));
    for (long j = 0; j < layer_floats; j++)
    {
        layer[j] = 1.0f;
    }
    double read_written = 1e9, rewrite_shared = 1e9;
    for (int r = 0; r < 3; r++)
    {
        double us = layer_us(0);
        read_written = us < read_written ? us : read_written;
        us = layer_us(1);
        rewrite_shared = us < rewrite_shared ? us : rewrite_shared;
    }
    printf("core_round_trip_ns %.1f\n", 1e9 * trip);
    printf("core_handoff_%ldk_gbs %.1f\n", kb, (double)floats * sizeof(float) / handoff / 1e9);
    printf("core_read_written_40k_us %.2f\n", read_written);
    printf("core_rewrite_shared_40k_us %.2f\n", rewrite_shared);
    return 0;
}
