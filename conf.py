# SPDX-License-Identifier: GPL-2.0
#
# Sphinx configuration of barriermap's documentation site (rst/), built by
# `make htmldocs` with Debian's python3-sphinx and `sphinx-build -W`.  The
# map of the default kernel tree is generated into the build's copy of
# rst/ (map/), never into the source folder.

project = 'barriermap'
copyright = 'the barriermap authors'
author = 'the barriermap authors'

# No extension: the map's pairing graphs are inline SVG that barriermap
# made with Graphviz's dot, so that the same pages build here and in the
# kernel's own Documentation/ (whose conf.py loads no graphviz extension).
extensions = []

root_doc = 'index'
exclude_patterns = ['rst.mk', '_build']
highlight_language = 'none'
default_role = 'literal'

html_theme = 'alabaster'
html_theme_options = {
    'page_width': '1180px',
    'sidebar_width': '230px',
    'description': 'memory barrier pairing for KVM',
    'fixed_sidebar': False,
}
html_sidebars = {'**': ['about.html', 'navigation.html', 'searchbox.html']}
html_show_sourcelink = False
html_copy_source = False
html_last_updated_fmt = None

# The manual page, from the same source as the site's command reference
# (make man; make install puts it in PREFIX/share/man/man1).
man_pages = [
    ('barriermap', 'barriermap',
     'check the pairing comments of memory barriers in the Linux kernel',
     ['the barriermap authors'], 1),
]
