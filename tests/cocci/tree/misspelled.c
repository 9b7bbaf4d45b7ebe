static void esc(struct xd *xd)
{
	xd->stale_p = false;
	smp_mb();		/* paired with smb_wmb in xive_esc_irq */
	/* Pairs with smp_rmb() in reader(); smp_mb_*() wildcard; smp_store_relase typo */
	smp_wmb();
	/* smb_wmb here, but no partner is named */
	mb();
}
