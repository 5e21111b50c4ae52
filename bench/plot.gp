# plot.gp: export time against N, for docs/performance-export.png.
# Called by bench/run.sh as:
#   gnuplot -e "datafile='D'; outfile='O'" bench/plot.gp
# D has one line per size: "N wide_s long_s baseline_s" ("NaN" if missing).
set terminal pngcairo size 800,500 font "sans,10"
set output outfile
set title "smp-intake export: median time against the number of intakes"
set xlabel "intakes in the database"
set ylabel "median time (s)"
set logscale xy
set format x "%.0s%c"
set grid
set key top left
set pointsize 1.2
plot datafile using 1:2 with linespoints title "export --format wide", \
     datafile using 1:3 with linespoints title "export --format long", \
     datafile using 1:4 with linespoints dt 2 title "baseline: sqlite3 -csv SELECT * FROM answers"
