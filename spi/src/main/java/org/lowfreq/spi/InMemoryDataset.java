package org.lowfreq.spi;

import java.util.List;
import java.util.Map;

/** A data set held in memory, e.g. synthetic images in tests or a -C set read from NPY files. */
public record InMemoryDataset(String name, List<String> classNames, ImageShape shape, Map<String, Images> data)
        implements Dataset {
    public InMemoryDataset {
        classNames = List.copyOf(classNames);
        data = Map.copyOf(data);
        for (var e : data.entrySet()) {
            if (!e.getValue().shape().equals(shape)) {
                throw new UserInputException("split " + e.getKey() + " has images of " + e.getValue().shape()
                        + ", not " + shape);
            }
            if (!e.getValue().hasLabels()) {
                throw new UserInputException("split " + e.getKey() + " has no labels");
            }
        }
    }

    @Override
    public List<String> splits() {
        return data.keySet().stream().sorted().toList();
    }

    @Override
    public int size(String split) {
        requireSplit(split);
        return data.get(split).count();
    }

    @Override
    public Images read(String split, int from, int count) {
        requireSplit(split);
        return data.get(split).slice(from, from + count);
    }
}
