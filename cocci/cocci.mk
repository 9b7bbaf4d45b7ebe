# SPDX-License-Identifier: GPL-2.0
#
# make coccicheck [MODE=report|context|org|patch] [KDIR=tree] [M=virt/kvm]
#                 [COCCI=cocci/one.cocci] [J=jobs]
#
# Runs the semantic patches in cocci/ through the kernel's own
# `make coccicheck` over the KVM folders of the default kernel tree (KDIR=
# overrides), then over the KVM headers.  MODE= is the kernel's, report by
# default.  MODE=patch prints a diff and never writes to the tree; when
# ./barriermap is built, the template comments name the partners it knows.
COCCI_KDIR = $(or $(KDIR),$(KERNEL_TREE))
COCCI_PATCHES = $(if $(COCCI),$(abspath $(COCCI)),$(sort $(wildcard $(CURDIR)/cocci/*.cocci)))

coccicheck:
	$(Q)BARRIERMAP=$(if $(wildcard barriermap),$(CURDIR)/barriermap) M=$(M) J=$(J) V=$(V) \
		cocci/coccicheck.sh "$(COCCI_KDIR)" "$(or $(MODE),report)" $(COCCI_PATCHES)

.PHONY: coccicheck
