/* SPDX-License-Identifier: GPL-2.0 */
/* A fixture written for barriermap's tests: the core kernel's rwsem. */
static inline void mmap_read_unlock(struct mm_struct *mm)
{
	up_read(&mm->mmap_lock);
}
