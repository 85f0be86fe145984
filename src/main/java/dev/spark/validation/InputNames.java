package dev.spark.validation;

import org.hibernate.validator.spi.nodenameprovider.JavaBeanProperty;
import org.hibernate.validator.spi.nodenameprovider.Property;
import org.hibernate.validator.spi.nodenameprovider.PropertyNodeNameProvider;

/** Names the nodes of a violation's property path as {@link InputName} says, else as the component is named. */
final class InputNames implements PropertyNodeNameProvider {

    @Override
    public String getName(Property property) {
        if (property instanceof JavaBeanProperty bean) {
            try {
                InputName name = bean.getDeclaringClass().getDeclaredField(property.getName()).getAnnotation(InputName.class);
                if (name != null) {
                    return name.value();
                }
            } catch (NoSuchFieldException e) {
                // a getter without a field of its name keeps its own name
            }
        }
        return property.getName();
    }
}
