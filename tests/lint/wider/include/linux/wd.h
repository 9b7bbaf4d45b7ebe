/* SPDX-License-Identifier: GPL-2.0 */
/* Fixture: just enough declarations for mm/*.c to parse. */
#define smp_wmb() __asm__ __volatile__("" ::: "memory")
#define smp_rmb() __asm__ __volatile__("" ::: "memory")
#define smp_mb() __asm__ __volatile__("" ::: "memory")
#define READ_ONCE(x) (*(volatile __typeof__(x) *)&(x))
#define WRITE_ONCE(x, v) (*(volatile __typeof__(x) *)&(x) = (v))

typedef struct { int v; } spinlock_t;
typedef struct { int counter; } atomic_t;
void spin_lock(spinlock_t *l);
void spin_unlock(spinlock_t *l);
void atomic_inc(atomic_t *a);
int atomic_read(const atomic_t *a);
int smp_load_acquire_int(int *p);
#define smp_load_acquire(p) smp_load_acquire_int(p)
void smp_store_release_int(int *p, int v);
#define smp_store_release(p, v) smp_store_release_int(p, v)

struct wd_table {
	spinlock_t lock;
	long *entry;
	long *next;
	int extents;
	int needextents;
	atomic_t stop_count;
	int ready;
	int data;
	int curr;
};
