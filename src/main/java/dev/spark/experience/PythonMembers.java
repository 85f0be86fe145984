package dev.spark.experience;

import java.util.Arrays;
import java.util.Set;

/**
 * Members of the few data types whose methods agents call most (pandas frames and series, NumPy arrays, PyTorch
 * tensors). Knowing them tells a method apart from a column read as an attribute ({@code df.price}), and lets a
 * receiver of unknown type be resolved when the name only makes sense on the library's main type.
 */
final class PythonMembers {

    private PythonMembers() {
    }

    static final Set<String> DATAFRAME = words("""
            T abs add add_prefix add_suffix agg aggregate align all any apply applymap asfreq asof assign astype at
            at_time attrs axes between_time bfill bool boxplot clip columns combine combine_first compare convert_dtypes
            copy corr corrwith count cov cummax cummin cumprod cumsum describe diff div divide dot drop drop_duplicates
            droplevel dropna dtypes duplicated empty eq equals eval ewm expanding explode ffill fillna filter first
            first_valid_index floordiv from_dict from_records ge get groupby gt head hist iat idxmax idxmin iloc index
            infer_objects info insert interpolate isin isna isnull items iterrows itertuples join keys kurt kurtosis last
            last_valid_index le loc lookup lt map mask max mean median melt memory_usage merge min mod mode mul multiply
            ndim ne nlargest notna notnull nsmallest nunique pct_change pipe pivot pivot_table plot pop pow prod product
            quantile query radd rank rdiv reindex reindex_like rename rename_axis reorder_levels replace resample
            reset_index rfloordiv rmod rmul rolling round rpow rsub rtruediv sample select_dtypes sem set_axis set_flags
            set_index shape shift size skew sort_index sort_values squeeze stack std style sub subtract sum swapaxes
            swaplevel tail take to_csv to_dict to_excel to_html to_json to_latex to_markdown to_numpy to_parquet
            to_period to_pickle to_records to_sql to_string to_timestamp transform transpose truediv truncate tz_convert
            tz_localize unstack update value_counts values var where xs append iteritems""");

    static final Set<String> SERIES = words("""
            T abs add add_prefix add_suffix agg aggregate align all any apply argmax argmin argsort array asfreq astype
            at autocorr between bfill cat clip combine combine_first compare copy corr count cov cummax cummin cumprod
            cumsum describe diff div divide dot drop drop_duplicates droplevel dropna dt dtype dtypes duplicated empty eq
            equals explode ffill fillna filter first ge get groupby gt hasnans head hist iat idxmax idxmin iloc index
            interpolate is_monotonic_decreasing is_monotonic_increasing is_unique isin isna isnull item items keys kurt
            last le loc lt map mask max mean median min mod mode mul multiply name nbytes ndim ne nlargest notna notnull
            nsmallest nunique pct_change pipe plot pop pow prod quantile rank reindex rename rename_axis repeat replace
            resample reset_index rolling round sample searchsorted sem set_axis shape shift size skew sort_index
            sort_values sparse squeeze std str sub subtract sum swaplevel tail take to_csv to_dict to_frame to_json
            to_list to_numpy to_string tolist transform truncate unique unstack update value_counts values var view
            where xs append iteritems ewm expanding""");

    static final Set<String> NDARRAY = words("""
            T all any argmax argmin argpartition argsort astype base byteswap choose clip compress conj conjugate copy
            ctypes cumprod cumsum data diagonal dot dtype dump dumps fill flags flat flatten getfield imag item itemset
            itemsize max mean min nbytes ndim newbyteorder nonzero partition prod ptp put ravel real repeat reshape
            resize round searchsorted setfield setflags shape size sort squeeze std strides sum swapaxes take tobytes
            tofile tolist tostring trace transpose var view""");

    static final Set<String> TENSOR = words("""
            T abs add add_ all any argmax argmin argsort backward bool byte chunk clamp clone contiguous cpu cuda
            cumsum data detach device dim div double dtype eq exp expand expand_as fill_ flatten flip float gather ge
            grad gt half index_select int is_cuda item le log long lt masked_fill masked_fill_ masked_select matmul max
            mean min mm mul ne ndim norm numel numpy permute pow prod repeat requires_grad requires_grad_ reshape
            scatter scatter_ shape size softmax sort split sqrt squeeze std sub sum t to tolist topk transpose type
            unbind unique unsqueeze view view_as where zero_""");

    /** Members whose value is a scalar, a shape or a plain Python object: nothing to resolve after them. */
    static final Set<String> OPAQUE = words("""
            shape size ndim dtype dtypes empty item tolist to_list to_dict to_csv to_json to_string nbytes itemsize
            numel dim name is_unique hasnans strides flags attrs to_markdown to_html to_latex keys items iterrows
            itertuples iteritems device""");

    private static Set<String> words(String text) {
        return Set.copyOf(Arrays.asList(text.strip().split("\\s+")));
    }
}
