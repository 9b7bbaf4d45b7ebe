// SPDX-License-Identifier: GPL-2.0
/* A fixture written for barriermap's tests: the core kernel's rwsem. */
static inline void __up_read(struct rw_semaphore *sem)
{
	long tmp;

	tmp = atomic_long_add_return_release(-1, &sem->count);
	if (tmp < 0)
		rwsem_wake(sem);
}

void up_read(struct rw_semaphore *sem)
{
	__up_read(sem);
}
